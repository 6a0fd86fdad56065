package city.vigil.status;

class InProcessStatusStoreTest extends StatusStoreContract {
    @Override
    StatusStore store() {
        return new InProcessStatusStore();
    }
}
