package city.vigil.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Packs an access unit into RTP packets per RFC 6184: a NAL unit that fits the payload budget travels alone
 * (single NAL unit packet), a larger one is cut into FU-A fragments. The marker bit closes the access unit.
 * Each packet is framed for RTSP interleaved TCP ({@code $}, channel, length).
 */
final class H264Packetizer {
    static final int PAYLOAD_TYPE = 96;
    /** RTP payload budget: keeps packets under a 1500-byte MTU, as cameras do even over TCP. */
    static final int MAX_PAYLOAD = 1400;
    private static final int FU_A = 28;

    private final int ssrc;
    private final int channel;
    private int sequence;

    H264Packetizer(int ssrc, int channel, int firstSequence) {
        this.ssrc = ssrc;
        this.channel = channel;
        this.sequence = firstSequence;
    }

    /** Emits the interleaved packets of one access unit with the given 90 kHz timestamp. */
    void packetize(List<byte[]> nals, long timestamp, ByteBufAllocator alloc, Consumer<ByteBuf> out) {
        for (int n = 0; n < nals.size(); n++) {
            byte[] nal = nals.get(n);
            boolean lastNal = n == nals.size() - 1;
            if (nal.length <= MAX_PAYLOAD) {
                ByteBuf packet = header(alloc, nal.length, lastNal, timestamp);
                packet.writeBytes(nal);
                out.accept(packet);
                continue;
            }
            byte indicator = (byte) ((nal[0] & 0xE0) | FU_A);
            int type = nal[0] & 0x1F;
            int offset = 1;
            while (offset < nal.length) {
                int size = Math.min(MAX_PAYLOAD - 2, nal.length - offset);
                boolean first = offset == 1;
                boolean last = offset + size == nal.length;
                ByteBuf packet = header(alloc, size + 2, lastNal && last, timestamp);
                packet.writeByte(indicator);
                packet.writeByte((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
                packet.writeBytes(nal, offset, size);
                out.accept(packet);
                offset += size;
            }
        }
    }

    private ByteBuf header(ByteBufAllocator alloc, int payload, boolean marker, long timestamp) {
        int rtpLength = 12 + payload;
        ByteBuf buf = alloc.buffer(4 + rtpLength);
        buf.writeByte('$');
        buf.writeByte(channel);
        buf.writeShort(rtpLength);
        buf.writeByte(0x80);
        buf.writeByte((marker ? 0x80 : 0) | PAYLOAD_TYPE);
        buf.writeShort(sequence++ & 0xFFFF);
        buf.writeInt((int) timestamp);
        buf.writeInt(ssrc);
        return buf;
    }

    int nextSequence() {
        return sequence & 0xFFFF;
    }
}
