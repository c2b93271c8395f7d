namespace DirectiveFlow.Core.Tasks;

/// <summary>How often a flow requires the lead unit to report progress.</summary>
public enum ProgressCadence
{
    None = 0,
    Daily = 1,
    Weekly = 2,
}
