#!/usr/bin/env python3
"""Serves every MPEG-TS file of a folder over RTSP with GStreamer's RTSP server (not Vigil's simulator), each client
from the file's start: rtsp://127.0.0.1:PORT/NAME for NAME.ts. Prints "ready PORT" once it listens; stops when its
standard input closes, so a test that dies leaves nothing behind."""
import os
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

folder, port = sys.argv[1], sys.argv[2]
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
mounts = server.get_mount_points()
for name in sorted(os.listdir(folder)):
    if name.endswith(".ts"):
        factory = GstRtspServer.RTSPMediaFactory()
        path = os.path.join(folder, name)
        factory.set_launch(f'( filesrc location="{path}" ! tsdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )')
        factory.set_shared(False)
        mounts.add_factory("/" + name[:-3], factory)
server.attach(None)
loop = GLib.MainLoop()
print("ready", port, flush=True)
threading.Thread(target=lambda: (sys.stdin.read(), loop.quit()), daemon=True).start()
loop.run()
