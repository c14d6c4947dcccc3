namespace TicketMaster.WaitingRoom;

/// <summary>
/// A closed admit-period bucket in which fans joined: <see cref="End"/>[s] is how many fans shard s
/// holds up to the end of it. Final once published; dropped once everyone in it is admitted.
/// </summary>
[GenerateSerializer, Immutable, Alias("BucketRow")]
public sealed record BucketRow([property: Id(0)] long Bucket, [property: Id(1)] long[] End);
