package travel.amur.visa.policy.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How a policy counts the days of a stay. */
public enum DayCounting {
    /** Every calendar day present counts, the days of entry and exit included. */
    CALENDAR_DAYS,
    /** The clock starts at 00:00 of the day after entry (China's 30-day trial and 240-hour transit). */
    FROM_DAY_AFTER_ENTRY;

    public int stayDays(LocalDate entry, LocalDate exit) {
        long between = ChronoUnit.DAYS.between(entry, exit);
        return (int) (this == CALENDAR_DAYS ? between + 1 : between);
    }
}
