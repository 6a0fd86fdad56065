package city.vigil.sim;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An encoded H.264 clip held in memory and shared by every camera showing it: parameter sets and one access unit
 * (the NAL units of a frame) per frame at {@link #FPS}. Cameras loop it with ever-increasing timestamps.
 */
public final class Clip {
    public static final int FPS = 25;
    public static final int GOP = 50;
    /** RTP clock ticks (90 kHz) per frame. */
    public static final int TICKS_PER_FRAME = 90_000 / FPS;

    /** The NAL units of one frame, without start codes. */
    public record AccessUnit(List<byte[]> nals, boolean keyframe) {

        /**
         * The same frame with every slice garbled and its NAL header kept, so it still looks like video to a demuxer:
         * a P slice type (which an IDR slice may not have), then noise without zero bytes (no start code can appear).
         */
        public AccessUnit garbled(long seed) {
            List<byte[]> out = new ArrayList<>(nals.size());
            java.util.SplittableRandom noise = new java.util.SplittableRandom(seed);
            for (byte[] nal : nals) {
                int type = nal[0] & 0x1f;
                if ((type != 1 && type != 5) || nal.length < 2) {
                    out.add(nal);
                    continue;
                }
                byte[] g = nal.clone();
                // ue(v) first_mb_in_slice = 0, slice_type = 0 (P), pic_parameter_set_id = 0, …
                g[1] = (byte) 0xFF;
                for (int i = 2; i < g.length; i++) {
                    g[i] = (byte) (noise.nextInt(256) | 1);
                }
                out.add(g);
            }
            return new AccessUnit(out, keyframe);
        }
    }

    private final byte[] sps;
    private final byte[] pps;
    private final List<AccessUnit> frames;

    private Clip(byte[] sps, byte[] pps, List<AccessUnit> frames) {
        this.sps = sps;
        this.pps = pps;
        this.frames = frames;
    }

    /** Splits an Annex B stream (one picture per access unit, as the encoder writes it) into frames. */
    static Clip fromAnnexB(byte[] stream) {
        List<byte[]> nals = splitNals(stream);
        byte[] sps = null;
        byte[] pps = null;
        List<AccessUnit> frames = new ArrayList<>();
        List<byte[]> pending = new ArrayList<>();
        boolean keyframe = false;
        for (byte[] nal : nals) {
            int type = nal[0] & 0x1f;
            switch (type) {
                case 7 -> sps = sps == null ? nal : sps;
                case 8 -> pps = pps == null ? nal : pps;
                default -> {
                }
            }
            pending.add(nal);
            if (type == 5) {
                keyframe = true;
            }
            if (type == 1 || type == 5) {
                frames.add(new AccessUnit(List.copyOf(pending), keyframe));
                pending.clear();
                keyframe = false;
            }
        }
        if (sps == null || pps == null || frames.isEmpty() || !frames.get(0).keyframe()) {
            throw new IllegalStateException("the encoder produced no usable H.264 stream");
        }
        return new Clip(sps, pps, List.copyOf(frames));
    }

    static List<byte[]> splitNals(byte[] s) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                if (start >= 0) {
                    int end = i > 0 && s[i - 1] == 0 ? i - 1 : i;
                    nals.add(java.util.Arrays.copyOfRange(s, start, end));
                }
                start = i + 3;
                i += 2;
            }
        }
        if (start >= 0 && start < s.length) {
            nals.add(java.util.Arrays.copyOfRange(s, start, s.length));
        }
        return nals;
    }




    public AccessUnit frame(long index) {
        return frames.get((int) Math.floorMod(index, (long) frames.size()));
    }

    /** SDP {@code sprop-parameter-sets}: base64 SPS and PPS. */
    public String spropParameterSets() {
        return Base64.getEncoder().encodeToString(sps) + "," + Base64.getEncoder().encodeToString(pps);
    }

    /** SDP {@code profile-level-id}: the three bytes after the SPS NAL header. */
    public String profileLevelId() {
        return HexFormat.of().formatHex(sps, 1, 4);
    }

    byte[] sps() {
        return sps;
    }

    byte[] pps() {
        return pps;
    }
}
