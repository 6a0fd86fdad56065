package city.vigil.camera;

/** Lifecycle of a registered device (一机一档 设备状态: 1 在用, 2 维修, 3 拆除). REPAIR and REMOVED leave the rates. */
public enum Lifecycle {
    IN_USE, REPAIR, REMOVED
}
