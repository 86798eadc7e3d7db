using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// The C# that reads or writes one value of a given type, shared by the record and union converters.
/// Generated code expects <c>reader</c>, <c>writer</c> and <c>options</c> in scope. Lists and maps go
/// through the runtime's generic helpers, given the item's converter struct
/// (<see cref="ConverterType"/>), so no converter declares helpers of its own.
/// </summary>
internal static class ValueCode
{
    private const string JsonRead = EmitContext.Serialization + ".JsonRead";
    private const string JsonWrite = EmitContext.Serialization + ".JsonWrite";
    private const string JsonValues = EmitContext.Serialization + ".JsonValues";

    /// <summary>An expression that reads the value at the reader's current token.</summary>
    public static string Read(EmitContext context, TypeRef type, bool acceptsNull)
    {
        if (RuntimeName(context, type) is { } runtime)
        {
            return JsonRead + "." + (acceptsNull ? "Nullable" : string.Empty) + runtime + "(ref reader)";
        }

        var read = type.Kind switch
        {
            TypeKind.RawJson => EmitContext.Runtime + ".RawJson.Read(ref reader)",
            TypeKind.Array => JsonRead + ".List<" + ItemTypes(context, type) + ">(ref reader, options)",
            TypeKind.Map => JsonRead + ".Map<" + ItemTypes(context, type) + ">(ref reader, options)",
            _ => context.ConverterOf(type) + ".ReadValue(ref reader, options)",
        };

        // Where null is refused, the reader below reports the null token as the wrong token.
        return acceptsNull ? JsonRead + ".IsNull(ref reader) ? null : " + read : read;
    }

    /// <summary>
    /// A statement that writes a member, its name first: <paramref name="name"/> is the encoded name and
    /// <paramref name="value"/> has the member's declared type.
    /// </summary>
    public static string WriteMember(EmitContext context, TypeRef type, bool nullable, string name, string value)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Date when !context.HasDateOnly:
                // WriteString writes null for a null string.
                return "writer.WriteString(" + name + ", " + value + ");";
            case TypeKind.Boolean:
                return nullable ? JsonWrite + ".Boolean(writer, " + name + ", " + value + ");" : "writer.WriteBoolean(" + name + ", " + value + ");";
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal:
                return nullable ? JsonWrite + ".Number(writer, " + name + ", " + value + ");" : "writer.WriteNumber(" + name + ", " + value + ");";
        }

        if (nullable)
        {
            var method = context.IsValueType(type) ? ".StructMember<" : ".Member<";
            return JsonWrite + method + context.TypeName(type) + ", " + ConverterType(context, type, nullable: false) + ">(writer, " + name + ", " + value + ", options);";
        }

        return "writer.WritePropertyName(" + name + "); " + WriteValue(context, type, value);
    }

    /// <summary>A statement that writes a value that is not null, with no name (a union case's value).</summary>
    public static string WriteValue(EmitContext context, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => "writer.WriteStringValue(" + value + ");",
        TypeKind.Boolean => "writer.WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumberValue(" + value + ");",
        TypeKind.Date when !context.HasDateOnly => "writer.WriteStringValue(" + value + ");",
        TypeKind.Date => JsonWrite + ".DateOnly(writer, " + value + ");",
        TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Bytes or TypeKind.UnixMilliseconds or TypeKind.UnixSeconds
            => JsonWrite + "." + type.Kind + "(writer, " + value + ");",
        TypeKind.RawJson => value + ".WriteTo(writer);",
        TypeKind.Array => JsonWrite + ".List<" + ItemTypes(context, type) + ">(writer, " + value + ", options);",
        TypeKind.Map => JsonWrite + ".Map<" + ItemTypes(context, type) + ">(writer, " + value + ", options);",
        _ => context.ConverterOf(type) + ".WriteValue(writer, " + value + ", options);",
    };

    /// <summary>
    /// The <c>IJsonValueConverter</c> struct of a type: a runtime one for primitives and containers, the
    /// generated type's <c>JsonConverter.Direct</c> otherwise, wrapped to accept null when
    /// <paramref name="nullable"/>.
    /// </summary>
    public static string ConverterType(EmitContext context, TypeRef type, bool nullable)
    {
        var converter = type.Kind switch
        {
            TypeKind.Date when !context.HasDateOnly => JsonValues + ".String",
            TypeKind.Date => JsonValues + ".DateOnly",
            TypeKind.RawJson => JsonValues + ".Raw",
            TypeKind.Array => JsonValues + ".ListOf<" + ItemTypes(context, type) + ">",
            TypeKind.Map => JsonValues + ".MapOf<" + ItemTypes(context, type) + ">",
            TypeKind.Record or TypeKind.Enum or TypeKind.Union => context.ConverterOf(type) + "." + EmittedNames.DirectConverter,
            _ => JsonValues + "." + type.Kind,
        };

        if (!nullable)
        {
            return converter;
        }

        return (context.IsValueType(type) ? JsonValues + ".NullableOf<" : JsonValues + ".OrNull<") + context.TypeName(type) + ", " + converter + ">";
    }

    /// <summary>The item type and its converter, as the type arguments of the runtime's list and map helpers.</summary>
    private static string ItemTypes(EmitContext context, TypeRef container)
        => context.TypeName(container.Item!, container.ItemNullable) + ", " + ConverterType(context, container.Item!, container.ItemNullable);

    /// <summary>The <c>JsonRead</c> method for a value the runtime reads itself, without its <c>Nullable</c> prefix.</summary>
    private static string? RuntimeName(EmitContext context, TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal
            or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Bytes or TypeKind.UnixMilliseconds or TypeKind.UnixSeconds => type.Kind.ToString(),
        TypeKind.Date => context.HasDateOnly ? "DateOnly" : "String",
        _ => null,
    };
}
