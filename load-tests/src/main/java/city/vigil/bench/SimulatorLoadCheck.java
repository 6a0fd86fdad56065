package city.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load check of the camera simulator, run as its own process ({@code simulate}): how many RTSP handshakes per second
 * (OPTIONS + DESCRIBE on a fresh connection, what a liveness probe does) and how many concurrent playing sessions it
 * holds on this machine, with its own CPU and memory. It must not be the bottleneck of the probe benchmarks.
 */
public final class SimulatorLoadCheck {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        int cameras = Integer.parseInt(System.getProperty("cameras", "100000"));
        int clients = Integer.parseInt(System.getProperty("clients", "32"));
        int handshakeSeconds = Integer.parseInt(System.getProperty("handshakeSeconds", "15"));
        int sessions = Integer.parseInt(System.getProperty("sessions", "2000"));
        int holdSeconds = Integer.parseInt(System.getProperty("holdSeconds", "20"));
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);

        Process sim = new ProcessBuilder(BenchTools.java(), "-Xmx1g", "-jar", jar.toAbsolutePath().toString(), "simulate", "--cameras",
                String.valueOf(cameras), "--rtsp-port", "0", "--http-port", "0", "--control-port", "0",
                "--clip-cache", work.resolve("sim-clips").toString()).redirectErrorStream(true).start();
        try {
            int[] ports = BenchTools.awaitSimulatorReady(sim);
            int rtsp = ports[0];
            int control = ports[1];
            long pid = sim.pid();
            List<String> ids = healthyIds(control, Math.max(sessions, 1000));
            System.out.printf("Simulator load check: %d cameras, pid %d, %d cores; idle RSS %d MB%n", cameras, pid,
                    Runtime.getRuntime().availableProcessors(), BenchTools.rssKb(pid) / 1024);

            // 1. Handshakes: connect, OPTIONS, DESCRIBE, close — from many client threads at once.
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long cpuBefore = BenchTools.cpuTicks(pid);
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(handshakeSeconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int offset = c;
                pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        String url = "rtsp://127.0.0.1:" + rtsp + "/cam/" + ids.get(i++ % ids.size()) + "/sub";
                        try {
                            handshake(rtsp, url);
                            done.incrementAndGet();
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(handshakeSeconds + 30L, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (BenchTools.cpuTicks(pid) - cpuBefore) / BenchTools.CLOCK_TICKS;
            System.out.println();
            System.out.printf("== Handshakes (OPTIONS + DESCRIBE, new connection each), %d client threads, %d s ==%n", clients, handshakeSeconds);
            System.out.printf("%d handshakes, %d failed: %.0f /s wall; simulator CPU %.1f s = %.0f handshakes per simulator CPU-second%n",
                    done.get(), failed.get(), done.get() / seconds, cpuSeconds, done.get() / Math.max(0.001, cpuSeconds));
            // The probe benchmark counts probes per Vigil CPU-second; the simulator shares the machine, so what matters
            // is how much CPU it needs for the same rate.
            System.out.printf("at the probe benchmark's aim of 7,000 probes/s the simulator needs %.2f cores of this machine%n",
                    7000 / Math.max(1, done.get() / Math.max(0.001, cpuSeconds)));

            // 2. Sessions: SETUP + PLAY, then hold them all open, drained by one selector.
            System.out.println();
            System.out.printf("== %d concurrent playing sessions (640x360 sub-streams), held %d s ==%n", sessions, holdSeconds);
            Selector selector = Selector.open();
            List<long[]> received = new ArrayList<>();
            long setupStarted = System.nanoTime();
            int opened = 0;
            for (int i = 0; i < sessions; i++) {
                try {
                    SocketChannel channel = play(rtsp, "rtsp://127.0.0.1:" + rtsp + "/cam/" + ids.get(i % ids.size()) + "/sub");
                    long[] counter = new long[1];
                    channel.register(selector, SelectionKey.OP_READ, counter);
                    received.add(counter);
                    opened++;
                } catch (IOException e) {
                    // counted as not opened
                }
            }
            double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
            long holdCpuBefore = BenchTools.cpuTicks(pid);
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            long holdStart = System.nanoTime();
            long holdEnd = holdStart + TimeUnit.SECONDS.toNanos(holdSeconds);
            long total = 0;
            while (System.nanoTime() < holdEnd) {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    int n = ((SocketChannel) key.channel()).read(buffer);
                    if (n > 0) {
                        ((long[]) key.attachment())[0] += n;
                        total += n;
                    } else if (n < 0) {
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
            double held = (System.nanoTime() - holdStart) / 1e9;
            double holdCpu = (BenchTools.cpuTicks(pid) - holdCpuBefore) / BenchTools.CLOCK_TICKS;
            long streaming = received.stream().filter(r -> r[0] > 10_000).count();
            JsonNode stats = BenchTools.JSON.readTree(BenchTools.get("http://127.0.0.1:" + control + "/sim/stats"));
            System.out.printf("%d opened in %.1f s; %d received video (> 10 kB); simulator reports %d streams%n",
                    opened, setupSeconds, streaming, stats.get("streams").asInt());
            System.out.printf("%.1f MB/s in all (%.0f kbit/s per session); simulator CPU %.0f%% of one core; RSS %d MB%n",
                    total / held / 1e6, total * 8 / held / 1000 / Math.max(1, opened), holdCpu / held * 100, BenchTools.rssKb(pid) / 1024);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void handshake(int port, String url) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            readResponse(in);
            out.write(("DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (!readResponse(in).contains("m=video")) {
                throw new IOException("no video in SDP");
            }
        }
    }

    private static SocketChannel play(int port, String url) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        Socket socket = channel.socket();
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(("SETUP " + url + "/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String setup = readResponse(in);
        String session = setup.lines().filter(l -> l.startsWith("Session:")).findFirst()
                .orElseThrow(() -> new IOException("no session")).substring(8).split(";")[0].trim();
        out.write(("PLAY " + url + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        readResponse(in);
        channel.configureBlocking(false);
        return channel;
    }

    /** Reads one RTSP response (head and Content-Length body) byte by byte: never past its end. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed");
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }

    private static List<String> healthyIds(int control, int wanted) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (ids.size() < wanted) {
            JsonNode page = BenchTools.JSON.readTree(BenchTools.get("http://127.0.0.1:" + control + "/sim/cameras?scenario=healthy&limit=1000"
                    + (after == null ? "" : "&after=" + after)));
            page.get("items").forEach(c -> ids.add(c.get("id").asText()));
            if (page.get("next").isNull()) {
                break;
            }
            after = page.get("next").asText();
        }
        return ids;
    }
}
