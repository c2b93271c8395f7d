namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The columns the directive list sorts by (<see cref="ListDirectivesQuery"/>).</summary>
public enum DirectiveSort
{
    /// <summary>Issue date (the default, newest first).</summary>
    Issued = 0,

    /// <summary>Number and symbol.</summary>
    Number = 1,

    /// <summary>Tasks in a category (the progress total).</summary>
    Total = 2,

    /// <summary>Share of tasks completed on time; directives without tasks last.</summary>
    OnTime = 3,

    /// <summary>Lead units with a task past its deadline.</summary>
    OverdueUnits = 4,

    /// <summary>The earliest deadline still ahead; directives without one last.</summary>
    NextDue = 5,
}
