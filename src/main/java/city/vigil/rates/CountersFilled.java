package city.vigil.rates;

/** The monitor has filled the rate counters with its state (at its start): from now on rates may be judged. */
public record CountersFilled() {
}
