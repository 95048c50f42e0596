package travel.amur.flight.schedule.model;

/** The currencies fares are published in: roubles for sales in Russia, yuan for sales in China. */
public enum Currency {
    RUB, CNY;

    /** The currency a traveller departing from {@code country} pays in by default. */
    public static Currency soldIn(String country) {
        return "CN".equals(country) ? CNY : RUB;
    }
}
