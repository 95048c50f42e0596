package travel.amur.flight.hold.model;

import java.math.BigDecimal;
import java.util.Objects;
import travel.amur.flight.schedule.model.Currency;

/** An amount in one of the fare currencies. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
