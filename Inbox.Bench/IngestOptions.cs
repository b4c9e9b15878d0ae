namespace Inbox.Bench;

/// <summary>The load every setup of one ingest run gets.</summary>
/// <param name="Rate">Webhooks per second offered by all senders together, on a fixed timetable; 0 sends as fast as they are answered.</param>
internal sealed record IngestOptions(int Seconds, int Concurrency, int HubClients, int SampleEvery, int Rate, int WarmUp);
