package travel.amur.itinerary.catalog.web;

import travel.amur.common.web.ProblemTexts;

/** Chooses English, Russian or Chinese from an {@code Accept-Language} header; English when none fits. */
public final class Languages {

    private Languages() {
    }

    /** The same choice as for problem texts, so one answer never mixes two languages. */
    public static String choose(String acceptLanguage) {
        return ProblemTexts.choose(acceptLanguage).getLanguage();
    }
}
