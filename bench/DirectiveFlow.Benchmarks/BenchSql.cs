using System.Data.Common;

namespace DirectiveFlow.Benchmarks;

/// <summary>Raw ADO.NET for the hand-written baselines and the seeds.</summary>
internal static class BenchSql
{
    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
