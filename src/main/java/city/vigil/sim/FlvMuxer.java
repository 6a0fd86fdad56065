package city.vigil.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Muxes H.264 into FLV as HTTP-FLV servers do: the file header, an AVC sequence header tag (decoder configuration
 * from SPS/PPS), then one video tag per frame with length-prefixed NAL units. Timestamps in milliseconds from the
 * first frame sent.
 */
final class FlvMuxer {
    private long firstFrame = -1;

    ByteBuf header(ByteBufAllocator alloc, Clip clip) {
        ByteBuf out = alloc.buffer(64 + clip.sps().length + clip.pps().length);
        out.writeBytes(new byte[] {'F', 'L', 'V', 1, 0x01, 0, 0, 0, 9});
        out.writeInt(0); // PreviousTagSize0
        byte[] sps = clip.sps();
        byte[] pps = clip.pps();
        int size = 5 + 11 + sps.length + pps.length;
        int tag = startTag(out, size, 0);
        out.writeByte(0x17); // keyframe, AVC
        out.writeByte(0); // sequence header
        out.writeMedium(0);
        out.writeByte(1); // configurationVersion
        out.writeByte(sps[1]);
        out.writeByte(sps[2]);
        out.writeByte(sps[3]);
        out.writeByte(0xFF); // 4-byte NAL lengths
        out.writeByte(0xE1); // one SPS
        out.writeShort(sps.length);
        out.writeBytes(sps);
        out.writeByte(1); // one PPS
        out.writeShort(pps.length);
        out.writeBytes(pps);
        endTag(out, tag);
        return out;
    }

    ByteBuf frame(ByteBufAllocator alloc, Clip.AccessUnit unit, long frameIndex) {
        if (firstFrame < 0) {
            firstFrame = frameIndex;
        }
        int size = 5 + unit.nals().stream().mapToInt(n -> n.length + 4).sum();
        ByteBuf out = alloc.buffer(size + 15);
        int tag = startTag(out, size, (frameIndex - firstFrame) * 1000 / Clip.FPS);
        out.writeByte(unit.keyframe() ? 0x17 : 0x27);
        out.writeByte(1); // NALU
        out.writeMedium(0); // composition time
        for (byte[] nal : unit.nals()) {
            out.writeInt(nal.length);
            out.writeBytes(nal);
        }
        endTag(out, tag);
        return out;
    }

    private static int startTag(ByteBuf out, int dataSize, long timestampMillis) {
        int start = out.writerIndex();
        out.writeByte(9); // video
        out.writeMedium(dataSize);
        out.writeMedium((int) (timestampMillis & 0xFFFFFF));
        out.writeByte((int) ((timestampMillis >> 24) & 0xFF));
        out.writeMedium(0); // stream id
        return start;
    }

    private static void endTag(ByteBuf out, int start) {
        out.writeInt(out.writerIndex() - start);
    }
}
