namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

/// The database gives ids; a few tests need two entities told apart without one.
internal static class EntityIds
{
    public static T WithId<T>(this T entity, long id) where T : class
    {
        var property = typeof(T).GetProperty("Id")
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id");
        property.SetValue(entity, Convert.ChangeType(id, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        return entity;
    }
}
