// How a web or mobile team books a trip with the TypeScript client generated from Amur's API document. The build
// compiles this file with the generated client (tsc --strict), so a change of the document that breaks these calls
// breaks the build. It is not run: the Java client drives the local stack in CI (clients/README and deploy's e2e).
import {
  Configuration,
  EntryApi,
  FlightsApi,
  HoldsApi,
  ItinerariesApi,
  ItineraryStatus,
  ResponseError,
  type Itinerary,
  type Problem,
  type StatusEvent,
} from '../target/generated-sources/typescript';

const config = new Configuration({ basePath: 'http://127.0.0.1:8080', apiKey: 'amur-demo-taiga-bzLSQQKoRicKYl8' });
const flights = new FlightsApi(config);
const holds = new HoldsApi(config);
const entry = new EntryApi(config);
const itineraries = new ItinerariesApi(config);

export async function bookTheIceFestival(day: Date, back: Date): Promise<Itinerary> {
  const out = await flights.searchFlights({ origin: 'UUS', destination: 'HRB', date: day, passengers: 2, flexDays: 3 });
  const ret = await flights.searchFlights({ origin: 'HRB', destination: 'UUS', date: back, flexDays: 3 });
  const outbound = out.offers[0];
  const inbound = ret.offers[0];
  if (!outbound || !inbound) {
    throw new Error('no flights on these days');
  }

  const hold = await holds.placeHold({
    idempotencyKey: crypto.randomUUID(),
    placeHold: { flightId: outbound.flightId, passengers: 2 },
  });
  const named = await holds.placeHold({
    idempotencyKey: crypto.randomUUID(),
    placeHold: { flightId: outbound.flightId, passengerNames: ['Ivan Smirnov', 'Anna Smirnova'] },
  });
  await holds.releaseHold({ holdId: hold.holdId });
  await holds.releaseHold({ holdId: named.holdId });
  const expires: Date = hold.expiresAt;
  const bookedFor: string | null = hold.bookingId;
  console.log(`held ${hold.seats} seats until ${expires.toISOString()} (booking: ${bookedFor ?? 'none'})`);

  const answer = await entry.checkEligibility({
    eligibilityQuestion: {
      nationality: 'RU', destination: 'CN', passportType: 'ORDINARY', purpose: 'TOURISM',
      entryDate: day, exitDate: back, passportExpiry: new Date('2031-01-01'),
    },
  });
  if (!answer.eligible) {
    console.log(answer.reasons.map((reason) => `${reason.code}: ${reason.message}`).join('\n'));
  }
  const window: Date | null = answer.entryTo;
  console.log(`policy ${answer.policyId ?? 'none on record'}, entry until ${window?.toISOString() ?? 'no end announced'}`);

  const draft = await itineraries.createItinerary({
    itineraryInput: {
      destination: 'CN', purpose: 'TOURISM', outboundFlightId: outbound.flightId, returnFlightId: inbound.flightId,
      _package: { packageId: 'harbin-ice-festival-4d', startDate: day },
      travellers: [{
        firstName: 'Ivan', lastName: 'Smirnov', nationality: 'RU', passportType: 'ORDINARY',
        passportNumber: '751234567', passportExpiry: new Date('2031-01-01'), birthDate: new Date('1984-02-11'),
      }],
    },
  });
  const pending = await itineraries.bookItinerary({ itineraryId: draft.id, idempotencyKey: crypto.randomUUID() });
  const outcome = await watch(pending.id);
  if (outcome === ItineraryStatus.Confirmed) {
    return itineraries.cancelItinerary({ itineraryId: draft.id });
  }
  return itineraries.getItinerary({ itineraryId: draft.id });
}

/** Follows the booking on its event stream (the data of each event is a StatusEvent) until it has its outcome. */
function watch(itineraryId: string): Promise<ItineraryStatus> {
  return new Promise((resolve) => {
    const events = new EventSource(`http://127.0.0.1:8080/api/itineraries/${itineraryId}/events`);
    events.addEventListener('status', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as StatusEvent;
      if (event.status !== ItineraryStatus.Draft && event.status !== ItineraryStatus.Pending) {
        events.close();
        resolve(event.status);
      }
    });
  });
}

/** What a refusal tells: the problem's type and each field named. */
export async function explain(error: unknown): Promise<string> {
  if (error instanceof ResponseError) {
    const problem = (await error.response.json()) as Problem;
    return `${problem.type}: ${(problem.errors ?? []).map((field) => `${field.field} ${field.message}`).join('; ')}`;
  }
  return String(error);
}
