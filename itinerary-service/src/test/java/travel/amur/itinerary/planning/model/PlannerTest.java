package travel.amur.itinerary.planning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.LocalizedText;
import travel.amur.itinerary.catalog.model.Season;

/**
 * The planner, case by case, on a catalog shaped like the seed (hours only where published, Mohe reached by air,
 * concessions on placeholder terms) and the Sakhalin flights' two timetables: the Wednesday-Saturday one (HRB 13:55,
 * back 15:00) and the Tuesday one of 2023 (HRB 08:55, back 10:05) that the seed used to sell.
 */
class PlannerTest {

    static final ZoneOffset HARBIN = ZoneOffset.ofHours(8);
    static final ZoneOffset SAKHALIN = ZoneOffset.ofHours(11);

    static final Attraction ICE_WORLD = attraction("harbin-ice-and-snow-world", "Harbin", LocalTime.of(11, 0),
            LocalTime.of(21, 0), 328, 240, 240, Attraction.Access.CITY, null, true);
    static final Attraction CARNIVAL = attraction("songhua-river-ice-carnival", "Harbin", null, null, null, null, 120,
            Attraction.Access.CITY, null, true);
    static final Attraction CATHEDRAL = attraction("st-sophia-cathedral", "Harbin", null, null, null, null, 60,
            Attraction.Access.CITY, null, false);
    static final Attraction MOHE = attraction("mohe-arctic-village", "Mohe", null, null, null, null, 240,
            Attraction.Access.FLIGHT, "OHE", true);
    static final Attraction YABULI = attraction("yabuli-ski-resort", "Yabuli", null, null, null, null, 360,
            Attraction.Access.ROAD, null, true);
    static final Map<String, Attraction> CATALOG = Stream.of(ICE_WORLD, CARNIVAL, CATHEDRAL, MOHE, YABULI)
            .collect(java.util.stream.Collectors.toMap(Attraction::id, Function.identity()));

    static Attraction attraction(String id, String city, LocalTime opens, LocalTime closes, Integer adult,
            Integer concession, int minutes, Attraction.Access access, String airport, boolean outdoor) {
        return new Attraction(id, Attraction.Kind.ATTRACTION, city, 45.7, 126.6, true, opens, closes,
                adult == null ? null : BigDecimal.valueOf(adult), concession == null ? null
                        : BigDecimal.valueOf(concession), minutes, outdoor, new LocalizedText(Map.of("en", id)),
                new LocalizedText(Map.of("en", id)), List.<Season>of(), "test", null, access, airport,
                concession == null ? Attraction.Concession.none()
                        : new Attraction.Concession(17, true, "placeholder: no source says who qualifies"),
                List.of());
    }

    static FlightLeg out(String date, LocalTime landsInHarbin) {
        OffsetDateTime lands = OffsetDateTime.of(LocalDate.parse(date), landsInHarbin, HARBIN);
        return new FlightLeg(UUID.randomUUID(), "HZ4698", "UUS", "RU", "HRB",
                lands.minusMinutes(175).withOffsetSameInstant(SAKHALIN), lands, new BigDecimal("12500"),
                new BigDecimal("1096"));
    }

    static FlightLeg back(String date, LocalTime leavesHarbin) {
        LocalDate day = LocalDate.parse(date);
        return new FlightLeg(UUID.randomUUID(), "HZ4699", "HRB", "CN", "UUS", OffsetDateTime.of(day, leavesHarbin,
                HARBIN), OffsetDateTime.of(day, leavesHarbin.plusHours(5).plusMinutes(40), SAKHALIN),
                new BigDecimal("12500"), new BigDecimal("1096"));
    }

    static Traveller adult(String id) {
        return new Traveller(id, "Ivan", "Petrov-" + id, "RU", "ORDINARY", "751234567", LocalDate.of(2031, 1, 1),
                LocalDate.of(1984, 2, 11));
    }

    static Traveller child(String id, String born) {
        return new Traveller(id, "Sasha", "Petrova-" + id, "RU", "ORDINARY", "751234568", LocalDate.of(2031, 1, 1),
                LocalDate.parse(born));
    }

    static Draft draft(FlightLeg out, FlightLeg back, List<Traveller> travellers, PlannedActivity... activities) {
        return new Draft("CN", "TOURISM", travellers, out, back, List.of(activities), null, null, false);
    }

    static PlannedActivity visit(Attraction attraction, String date) {
        return new PlannedActivity(attraction.id(), LocalDate.parse(date));
    }

    static final VisaAnswers ALL_FINE = new VisaAnswers(List.of(), List.of());

    /** A case: the draft, what the visa service said, which airports nothing flies to, and the warnings expected. */
    record Case(String name, Draft draft, VisaAnswers visas, Set<String> unreachable, Warning.Code expected,
            List<String> concerning, Warning.Code notExpected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        LocalTime landsAt1355 = LocalTime.of(13, 55);
        LocalTime landsAt0855 = LocalTime.of(8, 55);
        LocalTime leavesAt1500 = LocalTime.of(15, 0);
        LocalTime leavesAt1005 = LocalTime.of(10, 5);
        List<Traveller> one = List.of(adult("t1"));
        return Stream.of(
                new Case("the river carnival on the last morning, before a 10:05 flight, does not fit",
                        draft(out("2027-01-06", landsAt0855), back("2027-01-09", leavesAt1005), one,
                                visit(CARNIVAL, "2027-01-09")), ALL_FINE, Set.of(), Warning.Code.AFTER_DEPARTURE,
                        List.of(CARNIVAL.id()), null),
                new Case("the river carnival on the last morning fits before the 15:00 flight",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500), one,
                                visit(CARNIVAL, "2027-01-09")), ALL_FINE, Set.of(), null, List.of(),
                        Warning.Code.AFTER_DEPARTURE),
                new Case("a day's visits on the day the flight lands in the evening do not fit",
                        draft(out("2027-01-06", LocalTime.of(20, 30)), back("2027-01-09", leavesAt1500), one,
                                visit(CATHEDRAL, "2027-01-06")), ALL_FINE, Set.of(), Warning.Code.BEFORE_ARRIVAL,
                        List.of(CATHEDRAL.id()), null),
                new Case("Ice and Snow World after landing at 13:55 fits (it opens 11:00 to 21:00)",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500), one,
                                visit(ICE_WORLD, "2027-01-06")), ALL_FINE, Set.of(), null, List.of(),
                        Warning.Code.BEFORE_ARRIVAL),
                new Case("a visit before the flight lands", draft(out("2027-01-06", landsAt1355),
                        back("2027-01-09", leavesAt1500), one, visit(CATHEDRAL, "2027-01-05")), ALL_FINE, Set.of(),
                        Warning.Code.BEFORE_ARRIVAL, List.of(CATHEDRAL.id()), null),
                new Case("a visit after the flight leaves", draft(out("2027-01-06", landsAt1355),
                        back("2027-01-09", leavesAt1500), one, visit(CATHEDRAL, "2027-01-10")), ALL_FINE, Set.of(),
                        Warning.Code.AFTER_DEPARTURE, List.of(CATHEDRAL.id()), null),
                new Case("Mohe with no Harbin-Mohe flight on sale", draft(out("2027-01-06", landsAt1355),
                        back("2027-01-09", leavesAt1500), one, visit(MOHE, "2027-01-07")), ALL_FINE, Set.of("OHE"),
                        Warning.Code.NO_TRANSPORT, List.of(MOHE.id()), null),
                new Case("Mohe with a flight on sale needs no warning of transport",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500), one,
                                visit(MOHE, "2027-01-07")), ALL_FINE, Set.of(), null, List.of(),
                        Warning.Code.NO_TRANSPORT),
                new Case("Mohe in March is still winter", draft(out("2027-03-10", landsAt1355),
                        back("2027-03-13", leavesAt1500), one, visit(MOHE, "2027-03-11")), ALL_FINE, Set.of(),
                        Warning.Code.EXTREME_COLD, List.of(MOHE.id()), null),
                new Case("Yabuli in March is still winter", draft(out("2027-03-10", landsAt1355),
                        back("2027-03-13", leavesAt1500), one, visit(YABULI, "2027-03-11")), ALL_FINE, Set.of(),
                        Warning.Code.EXTREME_COLD, List.of(YABULI.id()), null),
                new Case("Harbin in March is past its coldest months", draft(out("2027-03-10", landsAt1355),
                        back("2027-03-13", leavesAt1500), one, visit(CARNIVAL, "2027-03-11")), ALL_FINE, Set.of(),
                        null, List.of(), Warning.Code.EXTREME_COLD),
                new Case("a child at Ice and Snow World pays the concession, on placeholder terms",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500),
                                List.of(adult("t1"), child("t2", "2017-05-01")), visit(ICE_WORLD, "2027-01-07")),
                        ALL_FINE, Set.of(), Warning.Code.CONCESSION_TERMS_UNCONFIRMED,
                        List.of(ICE_WORLD.id(), "t2"), null),
                new Case("a traveller refused visa-free entry is told the other ways in",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500), one),
                        new VisaAnswers(List.of(new VisaAdvice("t1", false, "CN-RU-VISA-FREE-TRIAL", 30, 3,
                                List.of(new VisaAdvice.Reason("OUTSIDE_POLICY_WINDOW", "the trial has ended")),
                                List.of(new VisaAdvice.Alternative("CN-RU-GROUP-2000", "Group travel",
                                        "GROUP_VISA_FREE", "Visa-free as a group of 5 to 50")))), List.of()),
                        Set.of(), Warning.Code.VISA_NOT_ELIGIBLE, List.of("t1"), null),
                new Case("no entry policy on record is said as such",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500), one),
                        new VisaAnswers(List.of(new VisaAdvice("t1", false, null, null, null,
                                List.of(new VisaAdvice.Reason("NO_POLICY", "No entry policy on record")), List.of())),
                                List.of()),
                        Set.of(), Warning.Code.ENTRY_POLICY_UNKNOWN, List.of("t1"), Warning.Code.VISA_NOT_ELIGIBLE),
                new Case("a group tour whose agency is not authorised",
                        draft(out("2027-01-06", landsAt1355), back("2027-01-09", leavesAt1500), one),
                        new VisaAnswers(List.of(), List.of(new VisaAdvice.Reason("AGENCY_NOT_AUTHORISED",
                                "not on the lists"))),
                        Set.of(), Warning.Code.GROUP_TOUR_REFUSED, List.of("t1"), null)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_case_is_warned_about_with_its_code_and_the_items_it_concerns(Case c) {
        Plan plan = Planner.plan(c.draft(), CATALOG, c.visas(), c.unreachable());

        if (c.expected() != null) {
            assertThat(plan.warnings()).filteredOn(w -> w.code() == c.expected()).as(c.expected().name())
                    .singleElement().satisfies(w -> assertThat(w.concerns()).containsExactlyElementsOf(c.concerning()));
        }
        if (c.notExpected() != null) {
            assertThat(plan.warnings()).extracting(Warning::code).doesNotContain(c.notExpected());
        }
    }

    @Test
    void the_visa_alternatives_reach_the_itinerarys_warning_with_the_policy_and_what_it_takes() {
        VisaAdvice.Alternative group = new VisaAdvice.Alternative("CN-RU-GROUP-2000", "Group travel",
                "GROUP_VISA_FREE", "Visa-free as a group of 5 to 50");
        Plan plan = Planner.plan(draft(out("2027-01-06", LocalTime.of(13, 55)), back("2027-01-09",
                        LocalTime.of(15, 0)), List.of(adult("t1"))),
                CATALOG, new VisaAnswers(List.of(new VisaAdvice("t1", false, "CN-RU-VISA-FREE-TRIAL", 30, 3,
                        List.of(new VisaAdvice.Reason("OUTSIDE_POLICY_WINDOW", "the trial has ended")),
                        List.of(group))), List.of()), Set.of());

        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.alternatives()).containsExactly(group);
            assertThat(warning.message()).contains("Other ways in").contains("Group travel");
        });
    }

    @Test
    void a_child_pays_the_concession_price_and_an_adult_the_full_one() {
        Plan plan = Planner.plan(draft(out("2027-01-06", LocalTime.of(13, 55)), back("2027-01-09",
                        LocalTime.of(15, 0)), List.of(adult("t1"), child("t2", "2017-05-01"),
                        child("t3", "2009-01-06")), visit(ICE_WORLD, "2027-01-07")),
                CATALOG, ALL_FINE, Set.of());

        // t3 turns 18 on 2027-01-06: an adult on the day of the visit.
        assertThat(plan.price().activities().amount()).isEqualByComparingTo("896");
    }
}
