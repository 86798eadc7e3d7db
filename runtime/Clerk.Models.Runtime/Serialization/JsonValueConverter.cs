using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// The base of every generated <c>JsonConverter</c>: System.Text.Json's <c>Read</c> and <c>Write</c>,
/// forwarded to the generated type's <c>Direct</c> struct, so that each generated converter holds only
/// its own reading and writing.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <typeparam name="TDirect">The generated converter's struct, which calls its static <c>ReadValue</c> and <c>WriteValue</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonValueConverter<T, TDirect> : JsonConverter<T>
    where TDirect : struct, IJsonValueConverter<T>
{
    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => default(TDirect).Read(ref reader, options);

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => default(TDirect).Write(writer, value, options);
}
