using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Reports.Tallies;

/// <summary>Counts every task into the overview's tallies again, in one transaction; answers how many rows they hold.</summary>
public sealed record RebuildTaskTalliesCommand : ICommand<int>;

public sealed class RebuildTaskTalliesHandler(DirectiveFlowDbContext db) : ICommandHandler<RebuildTaskTalliesCommand, int>
{
    public async ValueTask<int> Handle(RebuildTaskTalliesCommand command, CancellationToken cancellationToken) =>
        await TaskTallyRebuilder.RebuildAsync(db, cancellationToken);
}
