namespace TicketMaster.Catalog;

/// <summary>A venue section: seated (<see cref="Rows"/> x <see cref="SeatsPerRow"/>) or general admission (<see cref="Capacity"/>).</summary>
[GenerateSerializer, Immutable, Alias("SectionDefinition")]
public sealed record SectionDefinition(
    [property: Id(0)] string SectionId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Rows,
    [property: Id(3)] int SeatsPerRow,
    [property: Id(4)] int Capacity)
{
    public bool IsGeneralAdmission => Rows == 0;

    public int SeatCount => IsGeneralAdmission ? Capacity : Rows * SeatsPerRow;

    public static SectionDefinition Seated(string sectionId, string name, int rows, int seatsPerRow) =>
        new(sectionId, name, rows, seatsPerRow, rows * seatsPerRow);

    public static SectionDefinition GeneralAdmission(string sectionId, string name, int capacity) =>
        new(sectionId, name, 0, 0, capacity);
}
