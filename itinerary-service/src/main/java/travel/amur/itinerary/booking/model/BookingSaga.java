package travel.amur.itinerary.booking.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import travel.amur.itinerary.planning.model.Rejection;

/**
 * The booking of one itinerary, orchestrated: check the visas and hold seats on both flights in parallel, then confirm
 * the seats. A participant that does not answer is asked again, after ever longer pauses, until the booking's deadline
 * (a participant away for a restart is waited for, not given up on). Any refusal, or a step unanswered at the
 * deadline, compensates, releasing every hold it asked for (the compensation of a seat step is registered when the
 * step starts, so even a hold still on its way is released), and the booking is refused. Pure and deterministic: each
 * method answers what happened with a {@link Decision}; duplicate, late and out-of-order answers change nothing, and a
 * late hold after the end is released again.
 *
 * @param deadline when the booking gives up on a step that has not answered
 * @param groupTour set when the itinerary is a group tour, checked under the group regime as one
 * @param rebooking a confirmed booking's move of one flight to an alternative, while it is under way
 */
public record BookingSaga(UUID itineraryId, Phase phase, List<Step> steps, Instant startedAt, Instant endedAt,
        Instant deadline, GroupTour groupTour, Rebooking rebooking) {

    public BookingSaga {
        steps = List.copyOf(steps);
    }

    /** Starts a booking: all three steps at once. */
    public static Decision start(UUID itineraryId, UUID checkId, UUID outboundHold, UUID returnHold,
            GroupTour groupTour, Instant now, SagaPatience patience) {
        Instant resend = patience.nextResend(now, 1);
        List<Step> steps = List.of(
                new Step(StepName.VISAS, checkId, StepStatus.REQUESTED, 1, resend),
                new Step(StepName.OUTBOUND_SEATS, outboundHold, StepStatus.REQUESTED, 1, resend),
                new Step(StepName.RETURN_SEATS, returnHold, StepStatus.REQUESTED, 1, resend));
        BookingSaga saga = new BookingSaga(itineraryId, Phase.RESERVING, steps, now, null,
                now.plus(patience.patience()), groupTour, null);
        return new Decision(saga, List.of(new SagaCommand.CheckVisas(checkId, groupTour),
                new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, outboundHold),
                new SagaCommand.HoldSeats(StepName.RETURN_SEATS, returnHold)),
                List.of("booking started: visas asked (check " + checkId + "), seats asked (holds " + outboundHold
                        + ", " + returnHold + "); compensation registered: release both holds"));
    }

    public Step step(StepName name) {
        return steps.stream().filter(step -> step.name() == name).findFirst().orElseThrow();
    }

    /** When the booking next looks at its steps (a resend or its deadline), or null when it waits for nothing. */
    public Instant nextDeadline() {
        if (rebooking != null) {
            Instant resend = rebooking.hold().resendAt();
            return resend != null && resend.isBefore(rebooking.deadline()) ? resend : rebooking.deadline();
        }
        if (phase.ended()) {
            return null;
        }
        return steps.stream().filter(Step::awaited).map(Step::resendAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(resend -> resend.isBefore(deadline) ? resend : deadline)
                .orElse(null);
    }

    /** The steps whose participant has not answered although asked more than once: what the booking waits for. */
    public List<StepName> waitingFor() {
        if (phase.ended()) {
            return List.of();
        }
        return steps.stream().filter(step -> step.awaited() && step.attempts() > 1).map(Step::name).toList();
    }

    /**
     * The visa answer: every traveller's verdict and, for a group tour, the group rules it broke (too few who qualify,
     * an agency not authorised), which refuse the booking as a whole.
     */
    public Decision visasChecked(UUID checkId, List<VisaVerdict> verdicts, List<Rejection> groupRulesBroken,
            Instant now, SagaPatience patience) {
        Step visas = step(StepName.VISAS);
        if (!visas.id().equals(checkId)) {
            return Decision.unchanged(this, "visa answer for another check " + checkId + ": ignored");
        }
        if (phase != Phase.RESERVING || visas.status() != StepStatus.REQUESTED) {
            return Decision.unchanged(this, "visa answer after the fact (" + phase + "): ignored");
        }
        // A traveller refused only for what the group broke is named by the group's refusal, not once more.
        List<Rejection> ineligible = verdicts.stream().filter(verdict -> !verdict.eligible())
                .filter(verdict -> groupRulesBroken.isEmpty()
                        || !VisaVerdict.GROUP_LEVEL.containsAll(verdict.reasons()))
                .map(BookingSaga::refusalOf)
                .toList();
        List<Rejection> refused = new ArrayList<>(groupRulesBroken);
        refused.addAll(ineligible);
        if (verdicts.isEmpty() || !refused.isEmpty()) {
            return compensate(with(visas.to(StepStatus.FAILED)), refused.isEmpty()
                    ? List.of(new Rejection(Rejection.Code.VISA_NOT_ELIGIBLE, "the visa check answered for nobody", null))
                    : refused, now, "visas refused");
        }
        return afterReservation(with(visas.to(StepStatus.SUCCEEDED)), deadline, now, patience, "visas fine");
    }

    /**
     * Seats held until {@code expiresAt} (null if unknown): the booking now gives up {@code holdMargin} before that
     * at the latest, so that it never asks to confirm seats that are gone.
     */
    public Decision seatsHeld(UUID holdId, Instant expiresAt, Instant now, SagaPatience patience) {
        if (rebookingHold(holdId)) {
            return newSeatsHeld(now, patience);
        }
        Optional<Step> found = seatStep(holdId);
        if (found.isEmpty()) {
            return Decision.unchanged(this, "hold " + holdId + " is not this booking's: ignored");
        }
        Step step = found.get();
        if (phase == Phase.RESERVING && step.status() == StepStatus.REQUESTED) {
            Instant latest = expiresAt == null ? deadline : expiresAt.minus(patience.holdMargin());
            Instant next = latest.isBefore(deadline) ? latest : deadline;
            return afterReservation(with(step.to(StepStatus.SUCCEEDED)), next, now, patience, step.name()
                    + " held" + (next.equals(deadline) ? "" : "; the booking now gives up at " + next));
        }
        if (phase == Phase.REJECTED || phase == Phase.CANCELLED) {
            return releaseAgain(step, "seats held after the booking ended");
        }
        return Decision.unchanged(this, step.name() + " held again: duplicate, ignored");
    }

    public Decision seatHoldRejected(UUID holdId, Rejection.Code reason, String detail, Instant now) {
        if (rebookingHold(holdId)) {
            return notRebooked(new Rejection(reason, "the new " + flight(rebooking.hold()) + ": " + detail,
                    rebooking.hold().name().name()), false, "the new seats were refused: " + reason);
        }
        Optional<Step> found = seatStep(holdId);
        if (found.isEmpty() || !awaiting(found.get())) {
            return Decision.unchanged(this, "hold refusal for " + holdId + " after the fact: ignored");
        }
        Step step = found.get();
        return compensate(with(step.to(StepStatus.FAILED)), List.of(new Rejection(reason,
                flight(step) + ": " + detail, step.name().name())), now, step.name() + " refused: " + reason);
    }

    public Decision seatsConfirmed(UUID holdId, Instant now) {
        if (rebookingHold(holdId)) {
            return newSeatsConfirmed();
        }
        Optional<Step> found = seatStep(holdId);
        if (found.isEmpty()) {
            return Decision.unchanged(this, "confirmation of another hold " + holdId + ": ignored");
        }
        Step step = found.get();
        if (phase == Phase.CONFIRMING && step.status() == StepStatus.CONFIRMING) {
            List<Step> next = with(step.to(StepStatus.CONFIRMED));
            boolean all = next.stream().filter(s -> s.name().seats())
                    .allMatch(s -> s.status() == StepStatus.CONFIRMED);
            BookingSaga saga = new BookingSaga(itineraryId, all ? Phase.CONFIRMED : phase, next, startedAt,
                    all ? now : null, deadline, groupTour, rebooking);
            return new Decision(saga, List.of(), List.of(step.name() + " confirmed"
                    + (all ? "; booking confirmed" : "")));
        }
        if (phase == Phase.REJECTED || phase == Phase.CANCELLED) {
            return releaseAgain(step, "seats sold after the booking ended");
        }
        return Decision.unchanged(this, step.name() + " confirmed again: duplicate, ignored");
    }

    /** The seats of a hold went away without the booking asking: the hold expired, or someone released it. */
    public Decision seatsLost(UUID holdId, Rejection.Code code, String message, Instant now) {
        if (rebookingHold(holdId)) {
            return notRebooked(new Rejection(code, "the new " + flight(rebooking.hold()) + ": " + message,
                    rebooking.hold().name().name()), false, "the new seats were lost: " + code);
        }
        Optional<Step> found = seatStep(holdId);
        if (found.isEmpty() || phase.ended() || found.get().status() == StepStatus.RELEASED) {
            return Decision.unchanged(this, "loss of hold " + holdId + " after the fact: ignored");
        }
        Step step = found.get();
        return compensate(with(step.to(StepStatus.FAILED)), List.of(new Rejection(code, flight(step) + ": " + message,
                step.name().name())), now, step.name() + " lost: " + code);
    }

    /**
     * Sends again what is overdue, each step after a longer pause than the last; at the deadline, gives up on every
     * step still unanswered, naming each.
     */
    public Decision timeouts(Instant now, SagaPatience patience) {
        return timeouts(now, patience, Answering.NOBODY);
    }

    /**
     * As {@link #timeouts(Instant, SagaPatience)}, but an overdue step whose participant is {@code answering} others
     * is not sent again: it waits another, longer pause in that participant's queue (above capacity, copies of
     * queued commands made the queues longer still). The deadline stays where it was.
     */
    public Decision timeouts(Instant now, SagaPatience patience, Answering answering) {
        if (rebooking != null) {
            return rebookingTimeouts(now, patience);
        }
        if (phase.ended()) {
            return Decision.unchanged(this, "nothing awaited");
        }
        if (!now.isBefore(deadline)) {
            List<Rejection> unanswered = steps.stream().filter(Step::awaited)
                    .map(step -> new Rejection(Rejection.Code.TIMEOUT, "no answer to " + describe(step) + " by the booking's deadline "
                            + deadline + " (" + step.attempts() + " rounds of waiting)", step.name().name()))
                    .toList();
            if (!unanswered.isEmpty()) {
                return compensate(steps, unanswered, now, "deadline passed waiting for "
                        + unanswered.stream().map(Rejection::subject).toList());
            }
        }
        List<Step> next = new ArrayList<>(steps);
        List<SagaCommand> commands = new ArrayList<>();
        List<String> log = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Step step = next.get(i);
            if (!step.overdue(now)) {
                continue;
            }
            Step resent = step.resent(now, patience);
            next.set(i, resent);
            if (answering.lately(step.name())) {
                log.add(describe(step) + " unanswered yet: its service is answering others, so it waits in the "
                        + "queue (round " + resent.attempts() + "), next look at " + resent.resendAt());
                continue;
            }
            commands.add(resend(step));
            log.add(describe(step) + " unanswered: sent again (round " + resent.attempts() + "), next at "
                    + resent.resendAt());
        }
        if (log.isEmpty()) {
            return Decision.unchanged(this, "nothing overdue");
        }
        return new Decision(new BookingSaga(itineraryId, phase, next, startedAt, null, deadline,
                groupTour, rebooking), commands, log);
    }

    /** Cancels a confirmed booking: both flights' seats go back, and those of a re-booking under way. */
    public Decision cancel(Instant now) {
        if (phase != Phase.CONFIRMED) {
            return Decision.unchanged(this, "only a confirmed booking can be cancelled, this one is " + phase);
        }
        List<SagaCommand> commands = new ArrayList<>();
        RebookingOutcome given = null;
        if (rebooking != null) {
            commands.add(new SagaCommand.ReleaseSeats(rebooking.hold().name(), rebooking.hold().id(),
                    "itinerary cancelled during its re-booking"));
            given = new RebookingOutcome.NotRebooked(rebooking.disruptionId(), new Rejection(Rejection.Code.CANCELLED,
                    "the itinerary was cancelled", rebooking.hold().name().name()));
        }
        List<Step> next = new ArrayList<>();
        for (Step step : steps) {
            if (step.name().seats()) {
                commands.add(new SagaCommand.ReleaseSeats(step.name(), step.id(), "itinerary cancelled"));
                next.add(step.to(StepStatus.RELEASED));
            } else {
                next.add(step);
            }
        }
        return Decision.rebooking(new BookingSaga(itineraryId, Phase.CANCELLED, next, startedAt, now, deadline,
                groupTour, null), commands, List.of("cancelled: seats released on both flights"), given);
    }

    /**
     * Moves a confirmed booking's seats on one flight to another (an alternative the agency accepted for a
     * disruption): first the new seats are held; the old ones stay until the new ones are sold.
     */
    public Decision rebook(UUID disruptionId, UUID alternativeId, StepName seats, UUID flightId, UUID newHold,
            Instant now, SagaPatience patience) {
        if (phase != Phase.CONFIRMED || rebooking != null || !seats.seats()) {
            return Decision.unchanged(this, "no re-booking of a booking " + phase
                    + (rebooking == null ? "" : " already re-booking"));
        }
        Step hold = new Step(seats, newHold, StepStatus.REQUESTED, 1, patience.nextResend(now, 1));
        Rebooking started = new Rebooking(disruptionId, alternativeId, flightId, hold, now.plus(patience.patience()));
        return new Decision(new BookingSaga(itineraryId, phase, steps, startedAt, endedAt, deadline,
                groupTour, started), List.of(new SagaCommand.HoldSeatsOn(seats, newHold, flightId)),
                List.of("re-booking " + flight(hold) + " on flight " + flightId + " for disruption " + disruptionId
                        + ": new seats asked (hold " + newHold + "); the old seats stay until they are sold"));
    }

    private boolean rebookingHold(UUID holdId) {
        return rebooking != null && rebooking.hold().id().equals(holdId);
    }

    private Decision newSeatsHeld(Instant now, SagaPatience patience) {
        Step hold = rebooking.hold();
        if (hold.status() != StepStatus.REQUESTED) {
            return Decision.unchanged(this, "new seats held again: duplicate, ignored");
        }
        return new Decision(withRebooking(rebooking.with(hold.asking(StepStatus.CONFIRMING, now, patience))),
                List.of(new SagaCommand.ConfirmSeats(hold.name(), hold.id())),
                List.of("re-booking: new seats held on " + flight(hold) + ", confirming them"));
    }

    /** The new seats are sold: the step now names the new hold, and the old seats go back. */
    private Decision newSeatsConfirmed() {
        Step hold = rebooking.hold();
        if (hold.status() != StepStatus.CONFIRMING) {
            return Decision.unchanged(this, "new seats confirmed before they were asked to be: ignored");
        }
        Step old = step(hold.name());
        List<Step> next = with(new Step(hold.name(), hold.id(), StepStatus.CONFIRMED, hold.attempts(), null));
        return Decision.rebooking(new BookingSaga(itineraryId, phase, next, startedAt, endedAt, deadline,
                groupTour, null), List.of(new SagaCommand.ReleaseSeats(old.name(), old.id(),
                        "re-booked on another flight")),
                List.of("re-booking: new seats sold on " + flight(hold) + "; the old seats (hold " + old.id()
                        + ") released"),
                new RebookingOutcome.Rebooked(rebooking.disruptionId(), rebooking.alternativeId()));
    }

    /** The re-booking gives up; the booking keeps its old seats, and the new hold is released if it may stand. */
    private Decision notRebooked(Rejection why, boolean releaseNewHold, String what) {
        List<SagaCommand> commands = releaseNewHold
                ? List.of(new SagaCommand.ReleaseSeats(rebooking.hold().name(), rebooking.hold().id(),
                        "re-booking given up"))
                : List.of();
        return Decision.rebooking(withRebooking(null), commands, List.of(what, "re-booking given up: the booking keeps "
                + "its seats on " + flight(rebooking.hold())), new RebookingOutcome.NotRebooked(
                rebooking.disruptionId(), why));
    }

    private Decision rebookingTimeouts(Instant now, SagaPatience patience) {
        Step hold = rebooking.hold();
        if (!now.isBefore(rebooking.deadline())) {
            return notRebooked(new Rejection(Rejection.Code.TIMEOUT, "no answer to the re-booking of " + flight(hold) + " by "
                    + rebooking.deadline() + " (asked " + hold.attempts() + " times)", hold.name().name()), true,
                    "re-booking deadline passed");
        }
        if (!hold.overdue(now)) {
            return Decision.unchanged(this, "nothing overdue");
        }
        Step resent = hold.resent(now, patience);
        SagaCommand command = hold.status() == StepStatus.CONFIRMING
                ? new SagaCommand.ConfirmSeats(hold.name(), hold.id())
                : new SagaCommand.HoldSeatsOn(hold.name(), hold.id(), rebooking.flightId());
        return new Decision(withRebooking(rebooking.with(resent)), List.of(command), List.of("re-booking of "
                + flight(hold) + " unanswered: sent again (attempt " + resent.attempts() + ")"));
    }

    private BookingSaga withRebooking(Rebooking next) {
        return new BookingSaga(itineraryId, phase, steps, startedAt, endedAt, deadline, groupTour, next);
    }

    private Decision afterReservation(List<Step> next, Instant giveUpAt, Instant now, SagaPatience patience,
            String what) {
        boolean all = next.stream().allMatch(step -> step.status() == StepStatus.SUCCEEDED);
        if (!all) {
            return new Decision(new BookingSaga(itineraryId, phase, next, startedAt, null, giveUpAt,
                    groupTour, rebooking), List.of(), List.of(what));
        }
        List<Step> confirming = new ArrayList<>();
        List<SagaCommand> commands = new ArrayList<>();
        for (Step step : next) {
            if (step.name().seats()) {
                confirming.add(step.asking(StepStatus.CONFIRMING, now, patience));
                commands.add(new SagaCommand.ConfirmSeats(step.name(), step.id()));
            } else {
                confirming.add(step);
            }
        }
        return new Decision(new BookingSaga(itineraryId, Phase.CONFIRMING, confirming, startedAt, null,
                giveUpAt, groupTour, rebooking), commands, List.of(what, "everything said yes: confirming the seats"));
    }

    private Decision compensate(List<Step> next, List<Rejection> why, Instant now, String what) {
        List<Step> compensated = new ArrayList<>();
        List<SagaCommand> commands = new ArrayList<>();
        for (Step step : next) {
            boolean mayHoldSeats = step.name().seats() && step.status() != StepStatus.FAILED
                    && step.status() != StepStatus.RELEASED;
            if (mayHoldSeats) {
                commands.add(new SagaCommand.ReleaseSeats(step.name(), step.id(), "booking refused"));
                compensated.add(step.to(StepStatus.RELEASED));
            } else if (step.status() == StepStatus.REQUESTED) {
                compensated.add(step.to(StepStatus.FAILED));
            } else {
                compensated.add(step);
            }
        }
        return new Decision(new BookingSaga(itineraryId, Phase.REJECTED, compensated, startedAt, now, deadline,
                groupTour, rebooking), commands, List.of(what, "compensating: " + commands.size()
                        + " hold(s) released; booking refused"), why, null);
    }

    private Decision releaseAgain(Step step, String why) {
        return new Decision(this, List.of(new SagaCommand.ReleaseSeats(step.name(), step.id(), why)),
                List.of(why + ": " + step.name() + " released again"));
    }

    private List<Step> with(Step changed) {
        return steps.stream().map(step -> step.name() == changed.name() ? changed : step).toList();
    }

    private Optional<Step> seatStep(UUID holdId) {
        return steps.stream().filter(step -> step.name().seats() && step.id().equals(holdId)).findFirst();
    }

    private boolean awaiting(Step step) {
        return (phase == Phase.RESERVING && step.status() == StepStatus.REQUESTED)
                || (phase == Phase.CONFIRMING && step.status() == StepStatus.CONFIRMING);
    }

    /** A traveller who may not enter: no entry policy on record is said as such, not as a refused visa. */
    private static Rejection refusalOf(VisaVerdict verdict) {
        if (!verdict.reasons().isEmpty() && verdict.reasons().stream().allMatch("NO_POLICY"::equals)) {
            return new Rejection(Rejection.Code.NO_ENTRY_POLICY, "no entry policy on record for " + verdict.travellerName()
                    + "'s trip: verify the entry terms before booking", verdict.travellerName());
        }
        return new Rejection(Rejection.Code.VISA_NOT_ELIGIBLE, verdict.travellerName() + " may not enter without a visa"
                + (verdict.policyId() == null ? "" : " under " + verdict.policyId()) + ": "
                + String.join(", ", verdict.reasons()), verdict.travellerName());
    }

    private SagaCommand resend(Step step) {
        if (step.name() == StepName.VISAS) {
            return new SagaCommand.CheckVisas(step.id(), groupTour);
        }
        return step.status() == StepStatus.CONFIRMING
                ? new SagaCommand.ConfirmSeats(step.name(), step.id())
                : new SagaCommand.HoldSeats(step.name(), step.id());
    }

    private static String describe(Step step) {
        if (step.name() == StepName.VISAS) {
            return "the visa check";
        }
        return (step.status() == StepStatus.CONFIRMING ? "the confirmation of " : "the seat hold on ")
                + flight(step);
    }

    private static String flight(Step step) {
        return step.name() == StepName.OUTBOUND_SEATS ? "the outbound flight" : "the return flight";
    }

}
