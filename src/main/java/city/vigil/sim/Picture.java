package city.vigil.sim;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.util.SplittableRandom;

/**
 * What a simulated camera's picture looks like. Every image fault an operator meets is its own clip, rendered from
 * the same moving street-like pattern with a burnt-in clock, so only the fault differs.
 */
public enum Picture {
    NORMAL, BLACK, DARK, OVEREXPOSED, FROZEN, BLURRED, COLOUR_CAST, NOISE, OCCLUDED, STRIPES, SCENE_CHANGED;

    /** Renders frame {@code index} (at 25 fps) of this picture. */
    BufferedImage render(int index, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            switch (this) {
                case BLACK -> fill(g, Color.BLACK, width, height);
                case NOISE -> snow(image, index);
                case FROZEN -> scene(g, 0, width, height, false);
                case SCENE_CHANGED -> scene(g, index, width, height, true);
                default -> scene(g, index, width, height, false);
            }
            if (this == OCCLUDED) {
                // A uniform block over most of the view, like a bag or a branch in front of the lens.
                g.setColor(new Color(70, 72, 68));
                g.fillRect(0, height / 10, width, height * 8 / 10);
            }
        } finally {
            g.dispose();
        }
        return switch (this) {
            case DARK -> new RescaleOp(0.08f, 0, null).filter(image, null);
            case OVEREXPOSED -> new RescaleOp(1.6f, 150, null).filter(image, null);
            case COLOUR_CAST -> new RescaleOp(new float[] {0.35f, 0.55f, 1.6f}, new float[] {0, 0, 60}, null).filter(image, null);
            case BLURRED -> blur(image, 12);
            case STRIPES -> rollingBands(image, index);
            default -> image;
        };
    }

    /** A street-like scene: sky and road gradients, lane marks, moving vehicles, a clock. */
    private static void scene(Graphics2D g, int index, int width, int height, boolean changed) {
        Color sky = changed ? new Color(40, 90, 40) : new Color(110, 150, 200);
        Color road = changed ? new Color(150, 120, 80) : new Color(60, 60, 66);
        g.setPaint(new GradientPaint(0, 0, sky, 0, height / 2f, sky.darker()));
        g.fillRect(0, 0, width, height / 2);
        g.setPaint(new GradientPaint(0, height / 2f, road.brighter(), 0, height, road));
        g.fillRect(0, height / 2, width, height - height / 2);
        g.setColor(changed ? new Color(230, 200, 60) : Color.WHITE);
        g.setStroke(new BasicStroke(Math.max(2, width / 200f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {width / 20f, width / 30f}, (index * width / 100f) % (width / 12f)));
        for (int lane = 1; lane < 4; lane++) {
            g.drawLine(0, height / 2 + lane * height / 8, width, height / 2 + lane * height / 8);
        }
        int[] speeds = changed ? new int[] {3, 5} : new int[] {4, 7, 9};
        for (int v = 0; v < speeds.length; v++) {
            int x = (index * speeds[v] * width / 320 + v * width / 3) % (width + width / 6) - width / 12;
            int y = height / 2 + (v + 1) * height / 8 - height / 14;
            g.setColor(Color.getHSBColor((v * 0.3f + (changed ? 0.5f : 0)) % 1, 0.8f, 0.9f));
            g.fillRoundRect(x, y, width / 8, height / 12, 8, 8);
        }
        for (int b = 0; b < 6; b++) {
            g.setColor(new Color(90 + b * 20, 90 + b * 15, 100 + b * 10));
            int bw = width / 9;
            g.fillRect(b * width / 6 + (changed ? bw / 2 : 0), height / 2 - height / (4 + b % 3), bw, height / (4 + b % 3));
        }
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width / 3, height / 12);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 18)));
        long millis = index * 40L;
        g.drawString(String.format("2026-11-21 %02d:%02d:%02d.%03d", 8 + millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000), 6, height / 16);
    }

    /**
     * Rolling interference: brightness bands across the whole picture that crawl down it, as mains hum on an analogue
     * line or a ground loop draws them.
     */
    private static BufferedImage rollingBands(BufferedImage image, int index) {
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        double period = h / 9.0;
        for (int row = 0; row < h; row++) {
            double gain = 1 + 0.35 * Math.sin(2 * Math.PI * (row + index * period / 25) / period);
            for (int i = row * w * 3; i < (row + 1) * w * 3; i++) {
                pixels[i] = (byte) Math.max(0, Math.min(255, (int) ((pixels[i] & 0xFF) * gain + 40 * (gain - 1))));
            }
        }
        return image;
    }

    private static void fill(Graphics2D g, Color color, int width, int height) {
        g.setColor(color);
        g.fillRect(0, 0, width, height);
    }

    private static void snow(BufferedImage image, int index) {
        SplittableRandom random = new SplittableRandom(index * 7919L + 1);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i += 3) {
            byte v = (byte) random.nextInt(256);
            pixels[i] = v;
            pixels[i + 1] = v;
            pixels[i + 2] = v;
        }
    }

    /** Defocus: shrink by {@code factor} and scale back with bilinear filtering (cheap at 1080p, unlike a big kernel). */
    private static BufferedImage blur(BufferedImage image, int factor) {
        int w = Math.max(1, image.getWidth() / factor);
        int h = Math.max(1, image.getHeight() / factor);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, image.getWidth(), image.getHeight(), null);
        g.dispose();
        return out;
    }
}
