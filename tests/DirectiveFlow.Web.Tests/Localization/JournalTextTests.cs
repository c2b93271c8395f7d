using System.Globalization;
using System.Text.RegularExpressions;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Tests.Localization;

/// <summary>
/// Regression (issue 13, part 6): journal rows reached people as developer text — "Journal.flow.resumed" (a missing
/// key), "— system", "2027-02-01T17:00:00.0000000+07:00", "4 × action-plan".
/// </summary>
public sealed partial class JournalTextTests
{
    [Fact]
    public void Every_journal_action_the_product_writes_has_a_label_in_both_languages()
    {
        var actions = WrittenActions();

        // The scan must see the product's journal, not an empty folder: the task commands', the engine's and the sweep's.
        Assert.Superset(new HashSet<string> { "task.accepted", "flow.resumed", "cascade.tasks.written", "escalation.skipped", "task.reminder" }, actions);
        Assert.True(actions.Count >= 30, $"only {actions.Count} actions found: {string.Join(", ", actions)}");
        foreach (var language in new[] { "vi", "en" })
        {
            In(language, text => Assert.All(actions, a => Assert.DoesNotContain("Journal.", JournalText.Action(text, a), StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("vi", "Nhắc quá hạn mức 1", "Nhắc quá hạn mức 6", "Nhắc quá hạn mức 12")]
    [InlineData("en", "Overdue, escalation level 1", "Overdue, escalation level 6", "Overdue, escalation level 12")]
    public void An_escalation_of_any_level_is_worded_from_its_number(string language, string first, string sixth, string twelfth)
    {
        // A flow may define any number of steps; past the fifth the page showed "Journal.escalation.level6".
        In(language, text =>
            Assert.Equal([first, sixth, twelfth], new[] { 1, 6, 12 }.Select(level => JournalText.Action(text, $"escalation.level{level}"))));
    }

    // A UiText reads the current UI culture when it looks a key up.
    private static void In(string language, Action<UiText> check)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            check(new UiText());
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("vi", "Hệ thống", "4 nhiệm vụ", "12 đơn vị", "Chấp nhận kết quả", "Nhiệm vụ 1.2")]
    [InlineData("en", "System", "4 tasks", "12 units", "Result accepted", "Item 1.2")]
    public void Machine_values_are_put_into_words_in_the_readers_language(string language, string system, string tasks, string units, string accepted, string item)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            var text = new UiText();

            Assert.Equal(system, JournalText.Person(text, "system", null));
            Assert.Equal("00070-PARTY", JournalText.Person(text, "00070-PARTY", null));
            Assert.Equal("Trần Văn Minh (Chuyên viên) – UBND phường Hoàn Kiếm", JournalText.Person(text, "minhtv", "Trần Văn Minh (Chuyên viên) – UBND phường Hoàn Kiếm"));
            Assert.Equal(tasks, JournalText.Detail(text, "4 × action-plan"));
            Assert.Equal(units, JournalText.Detail(text, "12 units"));
            Assert.Equal(item, JournalText.Detail(text, "1.2 → 01-COMMITTEE-SXD"));
            Assert.Equal(accepted, JournalText.Detail(text, "Accepted"));
            Assert.Equal("02/02/2027 08:00: Chờ số liệu", JournalText.Detail(text, "2027-02-02T08:00:00.0000000+07:00: Chờ số liệu"));
            Assert.Equal("02/02/2027 00:00", JournalText.Detail(text, "resumeAt=2027-02-01T17:00:00.0000000+00:00"));
            Assert.Equal("50%: Đã họp", JournalText.Detail(text, "50%: Đã họp"));
            Assert.Null(JournalText.Detail(text, " "));
            Assert.DoesNotContain("Journal.", JournalText.Action(text, "flow.resumed"), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("vi", "Gửi chutich@hoankiem.hanoi.gov.vn — không gửi vì nhiệm vụ đã kết thúc",
        "Gửi chutich@hoankiem.hanoi.gov.vn, nghihuu@hoankiem.hanoi.gov.vn — đã gửi lúc 09:00 02/03/2026; máy chủ thư không nhận địa chỉ nghihuu@hoankiem.hanoi.gov.vn",
        "Thư điện tử — đang chờ gửi", "Gửi lanhdao@hanoi.gov.vn trong thư tổng hợp quá hạn ngày 02/03/2026 — đang thử lại (2 lần lỗi)")]
    [InlineData("en", "To chutich@hoankiem.hanoi.gov.vn — not sent because the task had ended",
        "To chutich@hoankiem.hanoi.gov.vn, nghihuu@hoankiem.hanoi.gov.vn — sent at 09:00 02/03/2026; the mail server refused nghihuu@hoankiem.hanoi.gov.vn",
        "Email — waiting to be sent", "To lanhdao@hanoi.gov.vn in the overdue digest of 02/03/2026 — retrying (2 failed attempts)")]
    public void An_emails_delivery_in_a_tasks_history_is_worded_in_the_readers_language(string language, string skipped, string sent, string waiting, string digest)
    {
        // Regression: the lines were written in Vietnamese by the query ("không gửi vì nhiệm vụ đã kết thúc"), so the
        // English task page and API showed them in Vietnamese.
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        In(language, text =>
        {
            Assert.Equal(skipped, JournalText.Delivery(text, new(["chutich@hoankiem.hanoi.gov.vn"], "Skipped", null, 0, null, [])));
            Assert.Equal(sent, JournalText.Delivery(text, new(
                ["chutich@hoankiem.hanoi.gov.vn", "nghihuu@hoankiem.hanoi.gov.vn"], "Sent", at, 1, "550", ["nghihuu@hoankiem.hanoi.gov.vn"])));
            Assert.Equal(waiting, JournalText.Delivery(text, new([], "Pending", null, 0, null, [])));
            Assert.Equal(digest, JournalText.Delivery(text, new(["lanhdao@hanoi.gov.vn"], "Pending", null, 2, "timeout", [], at)));
        });
    }

    /// <summary>
    /// The action codes in the product's source: literals passed to a journal writer (<c>Journal(…)</c>,
    /// <c>Record(…)</c>), assigned to <c>Action</c>, declared as an <c>…Action</c> constant, or mapped from an email's
    /// key (<c>ChaseKeys</c>; its escalation levels are interpolated, so levels 1 to 5 are named here).
    /// </summary>
    private static HashSet<string> WrittenActions()
    {
        var src = Path.Combine(ReferenceData.RepositoryRoot, "src");
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("Migrations", StringComparison.Ordinal) && !f.Contains("Localization", StringComparison.Ordinal)))
        {
            var chaseKeys = Path.GetFileName(file) == "ChaseKeys.cs";
            foreach (var line in File.ReadLines(file))
            {
                if (chaseKeys || JournalWriter().IsMatch(line))
                {
                    actions.UnionWith(ActionCode().Matches(line).Select(m => m.Groups[1].Value));
                }
            }
        }

        actions.UnionWith(Enumerable.Range(1, 5).Select(level => $"escalation.level{level}"));
        return actions;
    }

    [GeneratedRegex(@"\.Journal\(|\.Record\(|\bAction = ""|const string \w*Action = ")]
    private static partial Regex JournalWriter();

    // A lower-case dotted code in quotes, not inside an interpolation ("task.completed", "cascade.tasks.written").
    [GeneratedRegex(@"(?<![\w$])""([a-z]+(?:\.[a-z0-9-]+)+)""")]
    private static partial Regex ActionCode();
}
