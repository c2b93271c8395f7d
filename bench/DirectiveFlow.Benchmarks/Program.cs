using DirectiveFlow.Benchmarks.Cascade;
using DirectiveFlow.Benchmarks.Completion;
using DirectiveFlow.Benchmarks.Inbox;
using DirectiveFlow.Benchmarks.Overview;
using DirectiveFlow.Benchmarks.Peer;
using DirectiveFlow.Benchmarks.Startup;
using DirectiveFlow.Benchmarks.Sweep;

// Each scenario prints its own figures as ratios against a raw baseline measured in the same run.
var scenario = args.Length > 0 ? args[0] : "";
switch (scenario)
{
    case "cascade":
        await CascadeBenchmark.RunAsync(args[1..]);
        break;
    case "sweep":
        await SweepBenchmark.RunAsync(args[1..]);
        break;
    case "inbox":
        await InboxBenchmark.RunAsync(args[1..]);
        break;
    case "overview":
        await OverviewBenchmark.RunAsync(args[1..]);
        break;
    case "completion":
        await CompletionBenchmark.RunAsync(args[1..]);
        break;
    case "startup":
        await StartupBenchmark.RunAsync(args[1..]);
        break;
    case "peer":
        await PeerBenchmark.RunAsync(args[1..]);
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/DirectiveFlow.Benchmarks -- <cascade|sweep|inbox|overview|completion|startup>");
        Console.WriteLine("  cascade  national list imported: Hà Nội scale (504 tasks) and national scale through the shipped national flow (13,420 tasks)");
        Console.WriteLine("  sweep [N] [Q] [U]  the due-work sweep over N due tasks (100,000) of U units (1); one Quartz trigger per task on Q (2,000)");
        Console.WriteLine("  inbox [N] [C] [R]  inbox queries on N tasks (1,000,000) for C ward officers (200) and C/10 province heads, R rounds (3)");
        Console.WriteLine("  overview [N] [R] [covering]  the overview, the ranking and the weekly .xlsx on N tasks (1,000,000), R rounds (12) per caller; covering: with an experimental index");
        Console.WriteLine("  completion [N] [C]  N task completions over HTTP (2,000) by C concurrent clients (8) against the same by hand");
        Console.WriteLine("  peer [R]  one directive to Hà Nội's commune units and their completions: our engine against WorkflowCore (two models), R rounds (3)");
        Console.WriteLine("  startup [N]  the product's start-up (to a healthy /health) with N open tasks (1,000,000) against an empty database");
        return 1;
}

return 0;
