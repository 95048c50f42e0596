package travel.amur.itinerary.planning.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.planning.model.Traveller;
import travel.amur.itinerary.planning.model.Warning;

/**
 * A plan's warnings in the language the caller reads (Russian or Chinese by {@code Accept-Language}): the code, what
 * they concern and the day stay as they are; the message is said again in that language, naming the places and
 * travellers concerned. English is the model's own, most detailed text.
 */
final class WarningTexts {

    private static final String BUNDLE = "travel.amur.itinerary.planning.web.warnings";
    /** Read when the class is first used, from {@link #preload()} at start-up: reading them is file I/O. */
    private static final Map<String, ResourceBundle> TEXTS = Map.of("ru", bundle("ru"), "zh", bundle("zh"));

    private WarningTexts() {
    }

    /** Reads the texts now (on the thread that calls it), not on an event loop at the first warning. */
    static void preload() {
        TEXTS.size();
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static List<Warning> in(String language, List<Warning> warnings, Map<String, Attraction> attractions,
            List<Traveller> travellers) {
        ResourceBundle texts = TEXTS.get(language);
        if (texts == null || warnings.isEmpty()) {
            return warnings;
        }
        Map<String, String> names = travellers.stream().collect(Collectors.toMap(Traveller::id, Traveller::fullName,
                (first, second) -> first));
        return warnings.stream().map(warning -> {
            String key = warning.code().name();
            if (!texts.containsKey(key)) {
                return warning;
            }
            String concerned = warning.concerns().stream()
                    .map(id -> attractions.containsKey(id) ? attractions.get(id).names().in(language)
                            : names.getOrDefault(id, id))
                    .collect(Collectors.joining(", "));
            String message = new MessageFormat(texts.getString(key), texts.getLocale())
                    .format(new Object[] {concerned, warning.date() == null ? "" : warning.date().toString()});
            return new Warning(warning.code(), message, warning.concerns(), warning.date(), warning.alternatives());
        }).toList();
    }
}
