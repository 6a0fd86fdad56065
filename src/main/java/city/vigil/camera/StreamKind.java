package city.vigil.camera;

/** A camera's two streams: the main (full resolution) and the sub stream (low resolution, cheap to decode). */
public enum StreamKind { MAIN, SUB }
