package city.vigil.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Muxes H.264 access units into an MPEG transport stream (ISO/IEC 13818-1): PAT and PMT before every keyframe,
 * one PES per frame with its PTS, PCR on keyframes, 188-byte packets with continuity counters. Timestamps come
 * from the live frame index, so a looping clip is one continuous stream.
 */
final class TsMuxer {
    static final int PACKET = 188;
    private static final int PMT_PID = 0x1000;
    private static final int VIDEO_PID = 0x100;
    private static final byte[] AUD = {0, 0, 0, 1, 0x09, (byte) 0xF0};
    private static final long PTS_OFFSET = 90_000;

    private int patCounter;
    private int pmtCounter;
    private int videoCounter;

    /** Writes one frame (with PAT/PMT first when it is a keyframe) into a new buffer. */
    ByteBuf frame(ByteBufAllocator alloc, Clip.AccessUnit unit, long frameIndex) {
        ByteBuf out = alloc.buffer(unit.nals().stream().mapToInt(n -> n.length + 4).sum() * 188 / 180 + 3 * PACKET);
        long pts = PTS_OFFSET + frameIndex * Clip.TICKS_PER_FRAME;
        if (unit.keyframe()) {
            writePat(out);
            writePmt(out);
        }
        int payloadSize = AUD.length + unit.nals().stream().mapToInt(n -> n.length + 4).sum();
        byte[] pes = new byte[14 + payloadSize];
        int p = 0;
        pes[p++] = 0;
        pes[p++] = 0;
        pes[p++] = 1;
        pes[p++] = (byte) 0xE0;
        pes[p++] = 0; // PES length 0: unbounded, allowed for video
        pes[p++] = 0;
        pes[p++] = (byte) 0x80;
        pes[p++] = (byte) 0x80; // PTS only
        pes[p++] = 5;
        p = writeTimestamp(pes, p, 0x20, pts);
        System.arraycopy(AUD, 0, pes, p, AUD.length);
        p += AUD.length;
        for (byte[] nal : unit.nals()) {
            pes[p++] = 0;
            pes[p++] = 0;
            pes[p++] = 0;
            pes[p++] = 1;
            System.arraycopy(nal, 0, pes, p, nal.length);
            p += nal.length;
        }
        writePes(out, pes, unit.keyframe() ? pts * 300 : -1);
        return out;
    }

    private void writePes(ByteBuf out, byte[] pes, long pcr) {
        int offset = 0;
        boolean first = true;
        while (offset < pes.length) {
            int adaptation = first && pcr >= 0 ? 8 : 0; // length byte + flags + 6-byte PCR
            int room = PACKET - 4 - adaptation;
            int chunk = Math.min(room, pes.length - offset);
            int stuffing = room - chunk;
            if (stuffing > 0 && adaptation == 0) {
                adaptation = stuffing == 1 ? 1 : stuffing;
                stuffing = 0;
            } else if (stuffing > 0) {
                adaptation += stuffing;
            }
            out.writeByte(0x47);
            out.writeByte((first ? 0x40 : 0) | (VIDEO_PID >> 8));
            out.writeByte(VIDEO_PID & 0xFF);
            out.writeByte((adaptation > 0 ? 0x30 : 0x10) | (videoCounter++ & 0x0F));
            if (adaptation > 0) {
                int start = out.writerIndex();
                out.writeByte(adaptation - 1);
                if (adaptation > 1) {
                    boolean withPcr = first && pcr >= 0;
                    out.writeByte(withPcr ? (0x10 | 0x40) : 0); // PCR flag, random access on keyframes
                    if (withPcr) {
                        long base = pcr / 300;
                        out.writeInt((int) (base >> 1));
                        out.writeByte((int) ((base & 1) << 7) | 0x7E);
                        out.writeByte(0);
                    }
                    while (out.writerIndex() - start < adaptation) {
                        out.writeByte(0xFF);
                    }
                }
            }
            out.writeBytes(pes, offset, chunk);
            offset += chunk;
            first = false;
        }
    }

    private void writePat(ByteBuf out) {
        byte[] section = {0x00, (byte) 0xB0, 0x0D, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00, 0x00, 0x01,
                (byte) (0xE0 | (PMT_PID >> 8)), (byte) (PMT_PID & 0xFF)};
        writeSection(out, 0, patCounter++, section);
    }

    private void writePmt(ByteBuf out) {
        byte[] section = {0x02, (byte) 0xB0, 0x12, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
                (byte) (0xE0 | (VIDEO_PID >> 8)), (byte) (VIDEO_PID & 0xFF), (byte) 0xF0, 0x00,
                0x1B, (byte) (0xE0 | (VIDEO_PID >> 8)), (byte) (VIDEO_PID & 0xFF), (byte) 0xF0, 0x00};
        writeSection(out, PMT_PID, pmtCounter++, section);
    }

    private static void writeSection(ByteBuf out, int pid, int counter, byte[] section) {
        int start = out.writerIndex();
        out.writeByte(0x47);
        out.writeByte(0x40 | (pid >> 8));
        out.writeByte(pid & 0xFF);
        out.writeByte(0x10 | (counter & 0x0F));
        out.writeByte(0); // pointer field
        out.writeBytes(section);
        out.writeInt(crc32(section));
        while (out.writerIndex() - start < PACKET) {
            out.writeByte(0xFF);
        }
    }

    private static int writeTimestamp(byte[] b, int p, int marker, long ts) {
        b[p++] = (byte) (marker | ((ts >> 29) & 0x0E) | 1);
        b[p++] = (byte) (ts >> 22);
        b[p++] = (byte) (((ts >> 14) & 0xFE) | 1);
        b[p++] = (byte) (ts >> 7);
        b[p++] = (byte) (((ts << 1) & 0xFE) | 1);
        return p;
    }

    /** MPEG-2 CRC-32 (polynomial 0x04C11DB7, no reflection). */
    static int crc32(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 24;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }
}
