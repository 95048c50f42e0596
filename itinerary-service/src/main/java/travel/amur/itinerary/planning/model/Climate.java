package travel.amur.itinerary.planning.model;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;

/**
 * Cold worth a warning for outdoor plans: the winter months in Heilongjiang, with the figures FACTS.md section 3
 * gives (Harbin's January mean about -18 °C, typical -24 to -13 °C, record -42.6 °C; Mohe's record -53 °C).
 */
public final class Climate {

    private static final Set<Month> WINTER = Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);
    private static final Map<String, String> COLD = Map.of(
            "Harbin", "Harbin's January mean is about -18 °C (typically -24 to -13 °C; record -42.6 °C)",
            "Yabuli", "Yabuli, in the mountains south-east of Harbin, is as cold as Harbin or colder",
            "Shuangfeng", "China Snow Town lies under snow up to 7 months a year",
            "Mohe", "Mohe, China's northernmost town, recorded -53 °C on 2023-01-22");

    private Climate() {
    }

    /** Why a day outdoors in {@code city} needs warm clothes, or null when it does not. */
    public static String coldOutdoors(String city, LocalDate date) {
        return WINTER.contains(date.getMonth()) ? COLD.get(city) : null;
    }
}
