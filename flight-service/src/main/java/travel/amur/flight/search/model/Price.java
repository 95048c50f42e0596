package travel.amur.flight.search.model;

import java.math.BigDecimal;
import travel.amur.flight.schedule.model.Currency;

/** What a party pays: per passenger and in total, in one currency. */
public record Price(Currency currency, BigDecimal perPassenger, BigDecimal total) {

    public static Price of(BigDecimal perPassenger, int passengers, Currency currency) {
        return new Price(currency, perPassenger, perPassenger.multiply(BigDecimal.valueOf(passengers)));
    }
}
