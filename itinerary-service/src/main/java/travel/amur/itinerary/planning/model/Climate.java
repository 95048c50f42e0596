package travel.amur.itinerary.planning.model;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;

/**
 * Cold worth a warning for outdoor plans, with the figures FACTS.md section 3 gives (Harbin's January mean about
 * -18 °C, typical -24 to -13 °C, record -42.6 °C; Mohe's record -53 °C). Harbin's cold months are December to
 * February; the far north and the mountains stay in winter longer: Mohe from November to March (its winter season),
 * Yabuli's ski season and China Snow Town's snow to late March.
 */
public final class Climate {

    private static final Set<Month> HARBIN_WINTER = Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);
    private static final Set<Month> LONG_WINTER = Set.of(Month.NOVEMBER, Month.DECEMBER, Month.JANUARY,
            Month.FEBRUARY, Month.MARCH);

    /** Why the cold matters in each city, and in which months. */
    private record Cold(Set<Month> months, String why) {
    }

    private static final Map<String, Cold> COLD = Map.of(
            "Harbin", new Cold(HARBIN_WINTER,
                    "Harbin's January mean is about -18 °C (typically -24 to -13 °C; record -42.6 °C)"),
            "Yabuli", new Cold(LONG_WINTER, "Yabuli, in the mountains south-east of Harbin, is as cold as Harbin or "
                    + "colder, and its ski season runs to late March"),
            "Shuangfeng", new Cold(LONG_WINTER, "China Snow Town lies under snow up to 7 months a year"),
            "Mohe", new Cold(LONG_WINTER, "Mohe, China's northernmost town (53°33′ N), is in winter from November to "
                    + "March and recorded -53 °C on 2023-01-22"));

    private Climate() {
    }

    /** Why a day outdoors in {@code city} needs warm clothes, or null when it does not. */
    public static String coldOutdoors(String city, LocalDate date) {
        Cold cold = COLD.get(city);
        return cold != null && cold.months().contains(date.getMonth()) ? cold.why() : null;
    }
}
