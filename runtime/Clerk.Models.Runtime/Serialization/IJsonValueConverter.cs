using System.ComponentModel;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Reads and writes one JSON value of <typeparamref name="T"/>. Implemented by structs (every
/// generated converter has one, <c>JsonConverter.Direct</c>, and <see cref="JsonValues"/> has one per
/// primitive), so that the generic list and map helpers call it without a virtual call and the JIT
/// compiles one copy of each helper per element type. Not meant to be used by other code.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonValueConverter<T>
{
    /// <summary>Reads the value at the reader's current token.</summary>
    /// <param name="reader">The reader, on the value's first token; left on its last.</param>
    /// <param name="options">The serializer options, passed along to generated converters.</param>
    /// <returns>The value.</returns>
    T Read(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes the value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options, passed along to generated converters.</param>
    void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
}
