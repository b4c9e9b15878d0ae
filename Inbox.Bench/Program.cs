using Inbox.Bench;

// dotnet run -c Release --project Inbox.Bench -- <mode> [options]. One mode per benchmarked feature.
var mode = args.FirstOrDefault();
return mode switch
{
    "reports" => await ReportsBenchmark.RunAsync(args[1..]),
    "scheduler" => await SchedulerBenchmark.RunAsync(args[1..]),
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "circuits" => await CircuitsBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: Inbox.Bench reports [--conversations 100000] [--messages 1000000] [--db path] [--keep]");
    Console.Error.WriteLine("       Inbox.Bench scheduler [count=10000] [spreadSeconds=60] [Inbox:Scheduler:Key=value ...]");
    Console.Error.WriteLine("       Inbox.Bench circuits [tabs=100] [--idle-seconds 30]");
    Console.Error.WriteLine("       Inbox.Bench ingest [--provider Sqlite|Postgres] [--instances 1] [--compare] [--reference ../other/Inbox.Web]");
    Console.Error.WriteLine("                          [--seconds 20] [--rate 1100] [--concurrency 32] [--hub-clients 200] [--warm-up 2] [--ceiling-seconds 5] [--sample-every 10]");
    return 2;
}
