using TicketMaster.Catalog;
using TicketMaster.Grains.Events;

namespace TicketMaster.Grains.Tests;

public sealed class BestAvailableTests
{
    private static readonly SectionLayout Section = new(0, SectionDefinition.Seated("A", "A", 3, 10), 0, 50m);

    private static Func<int, bool> FreeExcept(params int[] taken) => ordinal => !taken.Contains(ordinal);

    [Fact]
    public void Best_available_picks_adjacent_seats_in_one_row()
    {
        var picked = BestAvailable.Pick(Section, FreeExcept(), 4);

        Assert.Equal([0, 1, 2, 3], picked!);
    }

    [Fact]
    public void Best_available_skips_a_row_where_the_group_would_leave_a_single_empty_seat()
    {
        // Row 1 has seats 1-3 free and 4-10 taken: two seats there would strand seat 3.
        var rowOneTaken = Enumerable.Range(3, 7).ToArray();

        var picked = BestAvailable.Pick(Section, FreeExcept(rowOneTaken), 2);

        Assert.Equal([Section.Ordinal(2, 1), Section.Ordinal(2, 2)], picked!);
    }

    [Fact]
    public void Best_available_takes_a_whole_gap_that_fits_the_group_exactly()
    {
        // Row 1: seats 1-3 free, the rest taken; three buyers fill the gap without leaving a single seat.
        var picked = BestAvailable.Pick(Section, FreeExcept(Enumerable.Range(3, 7).ToArray()), 3);

        Assert.Equal([0, 1, 2], picked!);
    }

    [Fact]
    public void Best_available_leaves_a_single_seat_only_when_nothing_else_fits()
    {
        // Only row 1 seats 1-3 are free anywhere.
        var taken = Enumerable.Range(3, 27).ToArray();

        var picked = BestAvailable.Pick(Section, FreeExcept(taken), 2);

        Assert.Equal([0, 1], picked!);
    }

    [Fact]
    public void Best_available_splits_the_group_only_when_no_row_has_room()
    {
        // Each row has two free seats at its start.
        var taken = Enumerable.Range(0, 30).Where(o => o % 10 >= 2).ToArray();

        var picked = BestAvailable.Pick(Section, FreeExcept(taken), 5);

        Assert.NotNull(picked);
        Assert.Equal(5, picked.Distinct().Count());
        Assert.All(picked, o => Assert.DoesNotContain(o, taken));
    }

    [Fact]
    public void Best_available_finds_nothing_when_the_section_has_too_few_free_seats()
    {
        var taken = Enumerable.Range(0, 28).ToArray();

        Assert.Null(BestAvailable.Pick(Section, FreeExcept(taken), 3));
    }
}
