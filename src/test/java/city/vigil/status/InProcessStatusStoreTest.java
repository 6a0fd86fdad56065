package city.vigil.monitor;

class InProcessStatusStoreTest extends StatusStoreContract {
    @Override
    StatusStore store() {
        return new InProcessStatusStore();
    }
}
