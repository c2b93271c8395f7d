using System.Globalization;
using DirectiveFlow.Core.Directives.Items;

namespace DirectiveFlow.Core.Tests.Directives.Items;

public sealed class ConclusionParserTests
{
    private static readonly ConclusionParser Parser = new(ParseCorpus.Hanoi);

    [Fact]
    public void The_whole_corpus_parses_as_expected()
    {
        var mismatches = new List<string>();
        var count = 0;
        foreach (var (name, text, expected) in ParseCorpus.Documents)
        {
            var actual = Parser.Parse(text).Select(Describe).ToList();
            count += expected.Length;
            for (var i = 0; i < Math.Max(expected.Length, actual.Count); i++)
            {
                var want = i < expected.Length ? expected[i] : "(no item)";
                var got = i < actual.Count ? actual[i] : "(no item)";
                if (want != got)
                {
                    mismatches.Add($"{name}, item {i + 1}:\n  expected {want}\n  got      {got}");
                }
            }
        }

        Assert.True(count >= 30, $"the corpus has {count} items");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void Confidence_says_how_the_name_was_written()
    {
        var items = Parser.Parse("""
            1. Giao Sở Xây dựng Thành phố Hà Nội chủ trì, phối hợp Sở TC, So Xay dung thực hiện, trước ngày 15/12/2026.
            2. Giao Hoàn Kiếm chủ trì thực hiện thường xuyên.
            """);

        var first = items[0];
        Assert.Equal(1.0, first.Lead!.Confidence);
        Assert.Equal([("Sở TC", 0.8)], first.Supporting.Select(s => (s.Text, s.Confidence)));
        Assert.Empty(first.Warnings);
        var ambiguous = items[1].Lead!;
        Assert.Equal(("00070-COMMITTEE", 0.25), (ambiguous.Code, ambiguous.Confidence));
        Assert.Equal(["00070-COMMITTEE", "00070-COUNCIL", "00070-FRONT", "00070-PARTY"], ambiguous.Alternatives.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.Contains(ItemWarnings.UnitAmbiguous, items[1].Warnings);
        Assert.Equal(new ProposedDeadline(DeadlineKind.Periodic, null, "thường xuyên"), items[1].Deadline);
    }

    [Fact]
    public void Items_written_on_one_line_are_split_and_warnings_name_what_to_check()
    {
        var items = Parser.Parse(
            "Kết luận như sau: 1. Giao Sở Xây dựng chủ trì lập phương án trước ngày 31/02/2027. 2. Giao UBND phường Hòa Bình chủ trì rà soát. 3. Tổ chức sơ kết trong năm 2027.");

        Assert.Equal(["1", "2", "3"], items.Select(i => i.Number));
        Assert.Equal(new ProposedDeadline(DeadlineKind.None, null, "trước ngày 31/02/2027"), items[0].Deadline);
        Assert.Equal([ItemWarnings.DeadlineInvalid], items[0].Warnings);
        Assert.Equal(("UBND phường Hòa Bình", null), (items[1].Lead!.Text, items[1].Lead!.Code));
        Assert.Equal([ItemWarnings.UnitNotFound, ItemWarnings.DeadlineMissing], items[1].Warnings);
        Assert.Null(items[2].Lead);
        Assert.Equal([ItemWarnings.LeadNotFound], items[2].Warnings);
        Assert.Equal(new DateOnly(2027, 12, 31), items[2].Deadline.Date);
    }

    [Fact]
    public void A_dash_of_any_kind_in_a_name_matches()
    {
        var item = Assert.Single(Parser.Parse("1. Giao Sở Quy hoạch – Kiến trúc chủ trì, phối hợp SỞ XÂY DỰNG lập quy hoạch trong tháng 2/2027."));
        Assert.Equal(("01-COMMITTEE-SQHKT", 0.9), (item.Lead!.Code, item.Lead.Confidence));
        Assert.Equal([("01-COMMITTEE-SXD", 0.9)], item.Supporting.Select(s => (s.Code, s.Confidence)));
        Assert.Equal(new ProposedDeadline(DeadlineKind.Month, new DateOnly(2027, 2, 28), "trong tháng 2/2027"), item.Deadline);
    }

    [Fact]
    public void The_same_text_gives_the_same_proposal()
    {
        var (_, text, _) = ParseCorpus.Documents[0];
        Assert.Equal(Parser.Parse(text).Select(Describe), new ConclusionParser(ParseCorpus.Hanoi.Reverse()).Parse(text).Select(Describe));
    }

    [Fact]
    public void A_text_of_the_longest_accepted_size_parses_quickly()
    {
        var (_, text, expected) = ParseCorpus.Documents[4];
        var copies = 49_000 / text.Length;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var items = Parser.Parse(string.Concat(Enumerable.Repeat(text, copies)));
        Assert.Equal(expected.Length * copies, items.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    private static string Describe(ProposedItem item)
    {
        var supporting = item.Supporting.Count == 0 ? "-" : string.Join(", ", item.Supporting.Select(s => s.Code ?? "?"));
        var deadline = item.Deadline.Kind switch
        {
            DeadlineKind.None => "none",
            DeadlineKind.Periodic => "periodic",
            var kind => $"{kind.ToString().ToLowerInvariant()} {item.Deadline.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        };
        return $"{item.Number} | {item.Lead?.Code ?? (item.Lead is null ? "-" : "?")} | {supporting} | {deadline}";
    }
}
