package city.vigil.testsupport;

import city.vigil.probe.ImageFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pictures the simulator did not draw: clips made by Debian's ffmpeg from its own sources (testsrc2, mandelbrot, life,
 * cellauto, sierpinski, gradients) with faults made by its own filters (eq, colorbalance, colorchannelmixer, boxblur,
 * drawbox, loop, noise, geq), H.264 640×360 at 25 fps with a keyframe every second, as a camera's sub-stream. Each
 * clip is labelled by ffmpeg's own figures (signalstats, blurdetect, blackdetect, freezedetect), measured apart from
 * Vigil, so a wrong label shows before a wrong diagnosis. Clips are made once under {@code target/corpus}.
 */
public final class FfmpegCorpus {

    /** One clip: {@code fault} is what it was made to show (null: healthy); {@code baseline} the scene a camera learned. */
    public record Clip(String name, String source, String filter, ImageFault fault, String baseline) {
        public Path file(Path dir) {
            return dir.resolve(name + ".ts");
        }
    }

    /** ffmpeg's own figures for a clip's first second (means over its frames). */
    public record Figures(double yavg, double ylow, double yhigh, double uavg, double vavg, double blur, double ydif, boolean black,
                          double blackShare, boolean frozen) {
        /** Distance of the mean chroma from neutral grey, in 8-bit levels. */
        public double chromaOffset() {
            return Math.hypot(uavg - 128, vavg - 128);
        }

        @Override
        public String toString() {
            return String.format("YAVG %.0f YLOW %.0f YHIGH %.0f UAVG %.0f VAVG %.0f blur %.1f YDIF %.1f black %.0f%%%s", yavg, ylow, yhigh, uavg,
                    vavg, blur, ydif, blackShare * 100, frozen ? " frozen" : "");
        }
    }

    private static final String SIZE = "s=640x360:r=25";
    private static final String TESTSRC = "testsrc2=" + SIZE;
    private static final String MANDELBROT = "mandelbrot=" + SIZE;
    // The cellular and fractal sources draw one-pixel cells: drawn at a quarter size and scaled up, their structures are
    // the size of things a camera sees (a one-pixel random pattern is noise to any measure, and to the 160×90 sample);
    // seeded, so a fault made from a scene shows the same scene; life after its first seconds of random soup.
    private static final String LIFE = "life=s=80x45:r=25:seed=7:mold=10:ratio=0.25:life_color=#d8d0b0:death_color=#3a2a1a:mold_color=#705030,"
            + "trim=start=8,setpts=PTS-STARTPTS,scale=640:360:flags=bicubic";
    private static final String CELLAUTO = "cellauto=s=80x45:r=25:rule=110:random_fill_ratio=0.5:random_seed=7,scale=640:360:flags=bicubic,"
            + "colorlevels=romin=0.15:gomin=0.15:bomin=0.15:romax=0.85:gomax=0.85:bomax=0.85";
    private static final String SIERPINSKI = "sierpinski=s=80x45:r=25:seed=7,scale=640:360:flags=bicubic";
    // Exposure made in RGB, as a sensor's gain or flare does it (eq shifts luma alone and leaves the colour of a
    // bright picture in a black one).
    private static final String DARKER = "colorlevels=romax=%1$s:gomax=%1$s:bomax=%1$s";
    private static final String WASHED_OUT = "colorlevels=romin=%1$s:gomin=%1$s:bomin=%1$s:rimax=%2$s:gimax=%2$s:bimax=%2$s";
    private static final String GRADIENTS = "gradients=" + SIZE + ":speed=0.02:c0=#405070:c1=#a0b0c0:c2=#607040:c3=#c0a080";
    /** The first frame held for the rest of the clip, as a hung encoder repeats it. */
    private static final String FREEZE = "trim=end_frame=1,tpad=stop_mode=clone:stop_duration=4";

    /** The corpus: 9 healthy scenes (busy, flat, night-like, grainy) and 30 faulty pictures of 11 kinds. */
    public static final List<Clip> CLIPS = List.of(
            new Clip("testsrc2", TESTSRC, null, null, "testsrc2"),
            new Clip("mandelbrot", MANDELBROT, null, null, "mandelbrot"),
            new Clip("life", LIFE, null, null, "life"),
            new Clip("cellauto", CELLAUTO, null, null, "cellauto"),
            new Clip("sierpinski", SIERPINSKI, null, null, "sierpinski"),
            new Clip("flat-gradients", GRADIENTS, null, null, "flat-gradients"),
            new Clip("night-mandelbrot", MANDELBROT, String.format(DARKER, "0.35"), null, "night-mandelbrot"),
            new Clip("night-testsrc2", TESTSRC, String.format(DARKER, "0.4") + ",noise=alls=6:allf=t", null, "night-testsrc2"),
            new Clip("grainy-testsrc2", TESTSRC, "noise=alls=10:allf=t", null, "grainy-testsrc2"),

            new Clip("black-noise", "color=c=black:" + SIZE, "noise=alls=3:allf=t", ImageFault.BLACK, "testsrc2"),
            new Clip("black-eq", TESTSRC, "eq=brightness=-1:contrast=0:saturation=0", ImageFault.BLACK, "testsrc2"),
            new Clip("dark-testsrc2", TESTSRC, String.format(DARKER, "0.12"), ImageFault.TOO_DARK, "testsrc2"),
            new Clip("dark-mandelbrot", MANDELBROT, String.format(DARKER, "0.15"), ImageFault.TOO_DARK, "mandelbrot"),
            new Clip("dark-night", TESTSRC, String.format(DARKER, "0.15") + ",noise=alls=6:allf=t", ImageFault.TOO_DARK, "night-testsrc2"),
            new Clip("overexposed-testsrc2", TESTSRC, String.format(WASHED_OUT, "0.45", "0.9"), ImageFault.OVEREXPOSED, "testsrc2"),
            new Clip("overexposed-mandelbrot", MANDELBROT, String.format(WASHED_OUT, "0.5", "0.8"), ImageFault.OVEREXPOSED, "mandelbrot"),
            new Clip("overexposed-life", LIFE, String.format(WASHED_OUT, "0.4", "0.6"), ImageFault.OVEREXPOSED, "life"),
            new Clip("frozen-testsrc2", TESTSRC, FREEZE, ImageFault.FROZEN, "testsrc2"),
            new Clip("frozen-mandelbrot", MANDELBROT, FREEZE + ",noise=alls=3:allf=t", ImageFault.FROZEN, "mandelbrot"),
            new Clip("frozen-sierpinski", SIERPINSKI, FREEZE, ImageFault.FROZEN, "sierpinski"),
            new Clip("blurred-testsrc2", TESTSRC, "boxblur=5:2", ImageFault.BLURRED, "testsrc2"),
            new Clip("blurred-mandelbrot", MANDELBROT, "boxblur=4:2", ImageFault.BLURRED, "mandelbrot"),
            new Clip("blurred-sierpinski", SIERPINSKI, "boxblur=8:2", ImageFault.BLURRED, "sierpinski"),
            new Clip("cast-testsrc2", TESTSRC, "colorbalance=rs=-0.4:gs=0.3:bs=-0.6:rm=-0.4:gm=0.3:bm=-0.6:rh=-0.3:gh=0.2:bh=-0.5",
                    ImageFault.COLOUR_CAST, "testsrc2"),
            new Clip("cast-mandelbrot", MANDELBROT, "colorchannelmixer=rr=1:rg=0.3:gg=0.6:bb=0.4", ImageFault.COLOUR_CAST, "mandelbrot"),
            new Clip("cast-sierpinski", SIERPINSKI, "colorchannelmixer=rr=0.5:gg=0.6:bb=1:br=0.4", ImageFault.COLOUR_CAST, "sierpinski"),
            new Clip("noise-testsrc2", TESTSRC, "noise=alls=60:allf=t", ImageFault.NOISE, "testsrc2"),
            new Clip("noise-mandelbrot", MANDELBROT, "noise=alls=55:allf=t+u", ImageFault.NOISE, "mandelbrot"),
            new Clip("occluded-testsrc2", TESTSRC, "drawbox=x=0:y=0:w=iw:h=ih*0.65:color=0x202020:t=fill", ImageFault.OCCLUDED, "testsrc2"),
            new Clip("occluded-mandelbrot", MANDELBROT, "drawbox=x=iw*0.3:y=0:w=iw*0.7:h=ih:color=0x605848:t=fill", ImageFault.OCCLUDED,
                    "mandelbrot"),
            new Clip("lowcontrast-testsrc2", TESTSRC, "eq=contrast=0.22", ImageFault.LOW_CONTRAST, "testsrc2"),
            new Clip("lowcontrast-mandelbrot", MANDELBROT, "eq=contrast=0.25", ImageFault.LOW_CONTRAST, "mandelbrot"),
            new Clip("lowcontrast-sierpinski", SIERPINSKI, "eq=contrast=0.2", ImageFault.LOW_CONTRAST, "sierpinski"),
            new Clip("stripes-testsrc2", TESTSRC, "geq=lum='clip(lum(X,Y)+14*sin(2*PI*(Y/36+T)),0,255)':cb='cb(X,Y)':cr='cr(X,Y)'",
                    ImageFault.STRIPES, "testsrc2"),
            new Clip("stripes-mandelbrot", MANDELBROT, "geq=lum='clip(lum(X,Y)+18*sin(2*PI*(Y/56+T)),0,255)':cb='cb(X,Y)':cr='cr(X,Y)'",
                    ImageFault.STRIPES, "mandelbrot"),
            new Clip("moved-testsrc2", MANDELBROT, null, ImageFault.SCENE_CHANGED, "testsrc2"),
            new Clip("moved-life", MANDELBROT, null, ImageFault.SCENE_CHANGED, "life"),
            new Clip("moved-gradients", TESTSRC, null, ImageFault.SCENE_CHANGED, "flat-gradients"),
            new Clip("lowcontrast-life", LIFE, "eq=contrast=0.2", ImageFault.LOW_CONTRAST, "life"));

    private FfmpegCorpus() {
    }

    public static Map<String, Clip> byName() {
        Map<String, Clip> byName = new LinkedHashMap<>();
        CLIPS.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    /** Makes every clip not made yet (3 s each); returns the folder. */
    public static Path make(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        for (Clip c : CLIPS) {
            Path out = c.file(dir);
            if (Files.isRegularFile(out) && Files.size(out) > 0) {
                continue;
            }
            Path partial = dir.resolve(c.name() + ".part.ts");
            run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", c.source(), "-t", "3",
                    "-vf", (c.filter() == null ? "" : c.filter() + ",") + "format=yuv420p", "-c:v", "libx264", "-preset", "veryfast",
                    "-tune", "zerolatency", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-bf", "0", "-f", "mpegts",
                    partial.toString()));
            Files.move(partial, out);
        }
        return dir;
    }

    private static final Pattern VALUE = Pattern.compile("lavfi\\.(signalstats\\.(YAVG|YLOW|YHIGH|UAVG|VAVG|YDIF)|blur)=([0-9.]+)");

    /** ffmpeg's own figures for the clip's first second, and whether its black and freeze detectors fire. */
    public static Figures figures(Path clip) throws IOException, InterruptedException {
        String out = run(List.of("ffmpeg", "-hide_banner", "-nostats", "-i", clip.toString(), "-t", "2", "-vf",
                "signalstats,blurdetect,blackdetect=d=0.5:pix_th=0.1:pic_th=0.98,freezedetect=n=-40dB:d=1.5,metadata=print:file=-",
                "-f", "null", "-"));
        Map<String, double[]> sums = new LinkedHashMap<>();
        Matcher m = VALUE.matcher(out);
        while (m.find()) {
            String key = m.group(2) == null ? "blur" : m.group(2);
            double[] s = sums.computeIfAbsent(key, k -> new double[2]);
            s[0] += Double.parseDouble(m.group(3));
            s[1]++;
        }
        String black = run(List.of("ffmpeg", "-hide_banner", "-nostats", "-i", clip.toString(), "-t", "1", "-vf",
                "blackframe=amount=0:threshold=40", "-f", "null", "-"));
        Matcher pblack = Pattern.compile("pblack:(\\d+)").matcher(black);
        double share = 0;
        int frames = 0;
        while (pblack.find()) {
            share += Integer.parseInt(pblack.group(1)) / 100.0;
            frames++;
        }
        return new Figures(mean(sums, "YAVG"), mean(sums, "YLOW"), mean(sums, "YHIGH"), mean(sums, "UAVG"), mean(sums, "VAVG"),
                mean(sums, "blur"), mean(sums, "YDIF"), out.contains("black_start"), frames == 0 ? 0 : share / frames,
                out.contains("freeze_start"));
    }

    private static double mean(Map<String, double[]> sums, String key) {
        double[] s = sums.get(key);
        return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    /** Whether ffmpeg's own figures agree with what the clip was made to show (null: nothing ffmpeg measures). */
    public static Boolean confirms(Clip clip, Figures f, Figures base) {
        if (clip.fault() == null) {
            return !f.black() && !f.frozen();
        }
        return switch (clip.fault()) {
            case BLACK -> f.black();
            case TOO_DARK -> !f.black() && f.yavg() < 50;
            case OVEREXPOSED -> f.yavg() > 170 && f.ylow() > 100;
            case FROZEN -> f.frozen();
            case BLURRED -> f.blur() > 1.5 * base.blur();
            case COLOUR_CAST -> Math.hypot(f.uavg() - base.uavg(), f.vavg() - base.vavg()) > 15;
            case NOISE -> f.ydif() > 3 * Math.max(1, base.ydif());
            case LOW_CONTRAST -> f.yhigh() - f.ylow() < 0.35 * (base.yhigh() - base.ylow());
            case OCCLUDED -> f.blackShare() > 0.45 || Math.abs(f.yavg() - base.yavg()) > 20;
            default -> null;
        };
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", command) + "\n" + out);
        }
        return out;
    }
}
