using TicketMaster.Bookings;

namespace TicketMaster.Grains.Tests;

public sealed class BookingIdTests
{
    [Fact]
    public void A_booking_id_comes_back_whole_from_its_16_byte_form()
    {
        var id = BookingIds.For("u_fan", Guid.NewGuid().ToString());

        Assert.True(BookingIds.TryCompact(id, out var compact));
        Assert.Equal(id, BookingIds.FromCompact(compact));
    }

    [Theory]
    [InlineData("bk_test")]
    [InlineData("bk_0123456789ABCDEF0123456789abcdef")]
    [InlineData("xx_0123456789abcdef0123456789abcdef")]
    [InlineData("bk_0123456789abcdef0123456789abcdeg")]
    public void Ids_not_made_for_bookings_have_no_compact_form(string id)
    {
        Assert.False(BookingIds.TryCompact(id, out _));
    }
}
