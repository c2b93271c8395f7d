using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>
/// One app (SQLite) shared by the page tests of a class: a directive with a task for Hoàn Kiếm's Party committee,
/// one titled with a script tag, and one for Ba Đình that Hoàn Kiếm must never see.
/// </summary>
public sealed class UiAppFixture : IAsyncLifetime
{
    public const string ScriptTitle = "<script>alert(1)</script>";

    public DirectiveFlowWebFactory App { get; private set; } = default!;

    public Directive Directive { get; private set; } = default!;

    public UnitTask HoanKiemTask { get; private set; } = default!;

    public UnitTask ScriptTask { get; private set; } = default!;

    public UnitTask BaDinhTask { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        App = await DirectiveFlowWebFactory.CreateAsync();
        using (App.CreateClient())
        {
            // Starting the host migrates and seeds the demo organisation and accounts.
        }

        await using var db = App.Database.CreateContext();
        var data = new UiTestData(db);
        var now = UiTestData.Now;
        Directive = await data.DirectiveAsync();
        HoanKiemTask = await data.TaskAsync(Directive, "00070-PARTY", "Xây dựng kế hoạch hành động của phường", now.AddDays(20));
        ScriptTask = await data.TaskAsync(Directive, "00070-PARTY", ScriptTitle, now.AddDays(25));
        BaDinhTask = await data.TaskAsync(Directive, "00004-PARTY", "Nhiệm vụ riêng của phường Ba Đình", now.AddDays(20));
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
