namespace Inbox.Bench;

/// <summary>What one setup measured, for the side-by-side table.</summary>
internal sealed record IngestFigures(
    IngestSetup Setup,
    double Acknowledged,
    double Processed,
    double AckP50,
    double AckP99,
    double RecordedP50,
    double RecordedP99,
    double FanOutP50,
    double FanOutP99,
    int FanOutSamples,
    int FanOutExpected,
    double AppCores,
    double AppMsPerWebhook,
    double OtherCores,
    long Errors,
    long Sent,
    double DrainedSeconds)
{
    /// <summary>What was both acknowledged and turned into conversations while the load ran.</summary>
    public double Sustained => Math.Min(Acknowledged, Processed);
}
