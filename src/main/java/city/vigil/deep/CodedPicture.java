package city.vigil.deep;

/**
 * The bytes of an H.264/H.265 packet that describe the picture (its slices), without parameter sets, SEI and filler: a
 * constant-bitrate encoder pads a still picture with filler, which says nothing about whether it moved. Packets come
 * with start codes (Annex B: RTSP, MPEG-TS) or with 4-byte lengths (AVCC: FLV, MP4). The bytes cannot tell which (a
 * length of 256–511 starts with 00 00 01), so the stream's extradata does ({@link #lengthPrefixed}).
 */
final class CodedPicture {

    private CodedPicture() {
    }

    /**
     * Slice bytes of the first {@code size} bytes of {@code data}; {@code hevc} for H.265 NAL headers,
     * {@code lengthPrefixed} for AVCC packets.
     */
    static int sliceBytes(byte[] data, int size, boolean hevc, boolean lengthPrefixed) {
        return lengthPrefixed ? lengthPrefixed(data, size, hevc) : annexB(data, size, hevc);
    }

    /** Whether packets are length-prefixed: an avcC/hvcC record (version 1) as extradata says so; start codes do not. */
    static boolean lengthPrefixed(byte firstExtradataByte, int extradataSize) {
        return extradataSize > 0 && firstExtradataByte == 1;
    }

    private static int annexB(byte[] data, int size, boolean hevc) {
        int total = 0;
        int nal = startCode(data, size, 0);
        while (nal >= 0 && nal < size) {
            int next = startCode(data, size, nal);
            int end = next < 0 ? size : next - prefixLength(data, next);
            if (isSlice(data[nal], hevc)) {
                total += end - nal;
            }
            nal = next;
        }
        return total;
    }

    /** The index just after the next start code (00 00 01) at or after {@code from}, or -1. */
    private static int startCode(byte[] data, int size, int from) {
        for (int i = from; i + 2 < size; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** 3 or 4: whether the start code ending before {@code nal} had a leading zero byte. */
    private static int prefixLength(byte[] data, int nal) {
        return nal >= 4 && data[nal - 4] == 0 ? 4 : 3;
    }

    private static int lengthPrefixed(byte[] data, int size, boolean hevc) {
        int total = 0;
        int i = 0;
        while (i + 4 < size) {
            int length = (data[i] & 0xFF) << 24 | (data[i + 1] & 0xFF) << 16 | (data[i + 2] & 0xFF) << 8 | data[i + 3] & 0xFF;
            if (length <= 0 || length > size - i - 4) {
                // Not length-prefixed after all: count the whole packet rather than nothing.
                return total + size - i;
            }
            if (isSlice(data[i + 4], hevc)) {
                total += length;
            }
            i += 4 + length;
        }
        return total;
    }

    /** H.264: NAL types 1–5 are slices; H.265: types 0–31 are VCL. */
    private static boolean isSlice(byte header, boolean hevc) {
        int type = hevc ? (header >> 1) & 0x3F : header & 0x1F;
        return hevc ? type < 32 : type >= 1 && type <= 5;
    }
}
