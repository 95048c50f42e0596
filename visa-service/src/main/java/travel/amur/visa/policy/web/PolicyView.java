package travel.amur.visa.policy.web;

import java.time.LocalDate;
import java.util.List;
import travel.amur.visa.policy.model.Conditions;
import travel.amur.visa.policy.model.Policy;

/**
 * A policy as published, with its id and version; {@code placeholders} names the fields no source gives yet.
 */
record PolicyView(String id, int version, String status, String title, String kind, List<String> nationalities,
        List<String> destinations, List<String> passportTypes, List<String> purposes, int maxStayDays,
        String dayCounting, LocalDate entryFrom, LocalDate entryTo, Conditions conditions, List<String> sources,
        String notes, List<String> placeholders) {

    static PolicyView of(Policy p) {
        return new PolicyView(p.id(), p.version(), p.status().name(), p.title(), p.kind().name(),
                p.nationalities().stream().sorted().toList(), p.destinations().stream().sorted().toList(),
                p.passportTypes().stream().map(Enum::name).sorted().toList(),
                p.purposes().stream().map(Enum::name).sorted().toList(), p.maxStayDays(), p.dayCounting().name(),
                p.entryFrom(), p.entryTo(), p.conditions(), p.sources(), p.notes(), p.placeholders());
    }
}
