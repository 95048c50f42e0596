package travel.amur.flight.schedule.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A one-way fare per passenger, published in both currencies. */
public record Fare(BigDecimal rub, BigDecimal cny) {

    public Fare {
        Objects.requireNonNull(rub, "rub");
        Objects.requireNonNull(cny, "cny");
        if (rub.signum() <= 0 || cny.signum() <= 0) {
            throw new IllegalArgumentException("fares must be positive");
        }
    }

    public BigDecimal in(Currency currency) {
        return currency == Currency.RUB ? rub : cny;
    }
}
