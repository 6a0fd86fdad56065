package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Only slices count as picture change: parameter sets, SEI and a constant-bitrate encoder's filler do not. */
class CodedPictureTest {

    private static byte[] nal(int header, int payload) {
        byte[] n = new byte[1 + payload];
        n[0] = (byte) header;
        for (int i = 1; i < n.length; i++) {
            n[i] = (byte) (0x40 + i % 7);
        }
        return n;
    }

    private static byte[] annexB(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (byte[] n : nals) {
            // Four-byte start code first, three-byte ones after, as encoders write them.
            out.writeBytes(first ? new byte[] {0, 0, 0, 1} : new byte[] {0, 0, 1});
            out.writeBytes(n);
            first = false;
        }
        return out.toByteArray();
    }

    private static byte[] lengthPrefixed(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.writeBytes(new byte[] {0, 0, (byte) (n.length >> 8), (byte) n.length});
            out.writeBytes(n);
        }
        return out.toByteArray();
    }

    @Test
    void an_h264_packet_counts_its_slices_and_not_its_sei_or_filler() {
        // SEI (6), a P slice (1, nal_ref_idc 2 → 0x41), filler (12).
        byte[] packet = annexB(nal(0x06, 20), nal(0x41, 300), nal(0x0C, 900));
        assertThat(CodedPicture.sliceBytes(packet, packet.length, false, false)).isEqualTo(301);
    }

    @Test
    void an_h264_keyframe_counts_its_idr_slices_but_not_its_parameter_sets() {
        byte[] packet = annexB(nal(0x67, 12), nal(0x68, 4), nal(0x65, 4000), nal(0x65, 1000));
        assertThat(CodedPicture.sliceBytes(packet, packet.length, false, false)).isEqualTo(5002);
    }

    @Test
    void length_prefixed_packets_as_flv_carries_them_are_read_too() {
        // The filler's length, 501, is written 00 00 01 F5: it looks like a start code, and must not be taken for one.
        byte[] packet = lengthPrefixed(nal(0x06, 10), nal(0x41, 250), nal(0x0C, 500));
        assertThat(CodedPicture.sliceBytes(packet, packet.length, false, true)).isEqualTo(251);
        assertThat(CodedPicture.lengthPrefixed((byte) 1, 40)).as("an avcC record").isTrue();
        assertThat(CodedPicture.lengthPrefixed((byte) 0, 30)).as("parameter sets with start codes").isFalse();
        assertThat(CodedPicture.lengthPrefixed((byte) 0, 0)).as("no extradata (MPEG-TS)").isFalse();
    }

    @Test
    void h265_headers_are_read_as_h265() {
        // H.265 NAL type in bits 1–6 of the first header byte: TRAIL_R (1) is a slice, FD (38) filler, SEI (39) not.
        byte[] packet = annexB(new byte[] {(byte) (39 << 1), 1, 5, 5}, new byte[] {(byte) (1 << 1), 1, 9, 9, 9, 9}, new byte[] {(byte) (38 << 1), 1, 0, 0x7f});
        assertThat(CodedPicture.sliceBytes(packet, packet.length, true, false)).isEqualTo(6);
    }

    @Test
    void only_the_given_length_of_a_reused_buffer_is_read() {
        byte[] packet = annexB(nal(0x41, 100));
        byte[] buffer = new byte[packet.length + 500];
        System.arraycopy(packet, 0, buffer, 0, packet.length);
        buffer[packet.length + 10] = 0;
        assertThat(CodedPicture.sliceBytes(buffer, packet.length, false, false)).isEqualTo(101);
    }
}
