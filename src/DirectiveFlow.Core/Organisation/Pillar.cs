namespace DirectiveFlow.Core.Organisation;

/// <summary>The four pillars ("4 trục") of the political system; every pillar unit belongs to exactly one.</summary>
public enum Pillar
{
    Party = 1,
    Council = 2,
    Committee = 3,
    Front = 4,
}
