using DirectiveFlow.Benchmarks.Cascade;
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
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/DirectiveFlow.Benchmarks -- <cascade|sweep>");
        Console.WriteLine("  cascade  issue one directive to every commune-level unit of the national list (~13,300 tasks)");
        return 1;
}

return 0;
