using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Clerk.Models.Testing;

namespace Clerk.Models.Generator.Tests.Constructs;

/// <summary>
/// Checks the lines of a case's <c>shape.txt</c> against the loaded assembly, so that a member that
/// silently fell back to raw JSON (which still round-trips) is caught. Grammar, one check a line:
/// <code>
/// Pet: record                    kind of a generated type: record, union, enum, or absent (not generated)
/// Pet.Name: string               a public property and its C# type (nullable annotations included)
/// Pet.Name: string, required     ... and whether it is a C# required member (or ", optional")
/// PetStatus.Active = "active"    a static member and the JSON it writes (open enum values)
/// Shape.Circle.Value: Circle     nested types by dotted path
/// </code>
/// Types are spelled as in C#, with keywords for primitives, generated types relative to the case
/// namespace, and runtime and System types by their simple name (<c>ValueList&lt;string&gt;?</c>, <c>Guid</c>).
/// </summary>
public static class ShapeCheck
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(object)] = "object",
    };

    /// <summary>Null when the line holds, otherwise what is wrong.</summary>
    public static string? Check(LoadedCase loaded, string line)
    {
        var equals = line.IndexOf(" = ", StringComparison.Ordinal);
        if (equals > 0)
        {
            return CheckStaticValue(loaded, line.Substring(0, equals).Trim(), line.Substring(equals + 3).Trim());
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return "cannot read the shape line";
        }

        var subject = line.Substring(0, colon).Trim();
        var expectation = line.Substring(colon + 1).Trim();
        if (expectation is "record" or "union" or "enum" or "absent")
        {
            return CheckKind(loaded, subject, expectation);
        }

        return CheckProperty(loaded, subject, expectation);
    }

    public static string Describe(LoadedCase loaded, Type type, NullabilityInfo? nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Describe(loaded, underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        var suffix = !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (type.IsArray)
        {
            return Describe(loaded, type.GetElementType()!, nullability?.ElementType) + "[]" + suffix;
        }

        string name;
        if (Keywords.TryGetValue(type, out var keyword))
        {
            name = keyword;
        }
        else if (type.Namespace == loaded.Namespace || (type.FullName?.StartsWith(loaded.Namespace + ".", StringComparison.Ordinal) ?? false))
        {
            name = loaded.RelativeName(type.IsGenericType ? type.GetGenericTypeDefinition() : type);
        }
        else if (type.Namespace is "System" or "Clerk.Models.Runtime" && loaded.FindType(type.Name) is null)
        {
            // Qualified only when a generated type of the same name would make the simple name ambiguous.
            name = type.Name;
        }
        else
        {
            name = type.IsGenericType || type.FullName is null ? type.Namespace + "." + type.Name : type.FullName;
        }

        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            name = tick < 0 ? name : name.Substring(0, tick);
            var arguments = type.GetGenericArguments();
            var infos = nullability?.GenericTypeArguments;
            name += "<" + string.Join(", ", arguments.Select((a, i) => Describe(loaded, a, infos is not null && i < infos.Length ? infos[i] : null))) + ">";
        }

        return name + suffix;
    }

    private static string? CheckKind(LoadedCase loaded, string typeName, string kind)
    {
        var type = loaded.FindType(typeName);
        if (kind == "absent")
        {
            return type is null ? null : $"{typeName} should not be generated";
        }

        if (type is null)
        {
            return $"{typeName} was not generated";
        }

        var actual = KindOf(type);
        return actual == kind ? null : $"{typeName} is {actual}, expected {kind}";
    }

    private static string KindOf(Type type)
    {
        var isRecord = type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;
        if (isRecord)
        {
            return type.IsAbstract ? "union" : "record";
        }

        var isEnum = type.GetProperty("IsKnown", BindingFlags.Public | BindingFlags.Instance) is not null
            && type.GetMethod("From", BindingFlags.Public | BindingFlags.Static) is not null;
        return isEnum ? "enum" : type.IsEnum ? "a C# enum" : "a " + (type.IsValueType ? "struct" : "class");
    }

    private static string? CheckProperty(LoadedCase loaded, string subject, string expectation)
    {
        var parts = expectation.Split(',').Select(p => p.Trim()).ToList();
        var expectedType = parts[0];
        var requiredness = parts.Count > 1 ? parts[1] : null;

        var dot = subject.LastIndexOf('.');
        if (dot <= 0)
        {
            return "expected Type.Member";
        }

        var typeName = subject.Substring(0, dot);
        var memberName = subject.Substring(dot + 1);
        var type = loaded.FindType(typeName);
        if (type is null)
        {
            return $"{typeName} was not generated";
        }

        // Instance members may be inherited (an enum's Value and IsKnown come from the runtime's OpenEnum).
        var property = type.GetProperty(memberName, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            ?? type.GetProperty(memberName, BindingFlags.Public | BindingFlags.Instance);
        if (property is null)
        {
            var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
            return $"{typeName} has no property {memberName} (it has: {string.Join(", ", names)})";
        }

        var actualType = Describe(loaded, property.PropertyType, new NullabilityInfoContext().Create(property));
        if (actualType != expectedType)
        {
            return $"{subject} is {actualType}, expected {expectedType}";
        }

        if (requiredness is null)
        {
            return null;
        }

        var isRequired = property.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");
        return requiredness switch
        {
            "required" when !isRequired => $"{subject} should be a required member",
            "optional" when isRequired => $"{subject} should not be a required member",
            "required" or "optional" => null,
            _ => $"unknown qualifier '{requiredness}'",
        };
    }

    private static string? CheckStaticValue(LoadedCase loaded, string subject, string expectedJson)
    {
        var dot = subject.LastIndexOf('.');
        var typeName = dot > 0 ? subject.Substring(0, dot) : subject;
        var memberName = subject.Substring(dot + 1);
        var type = loaded.FindType(typeName);
        if (type is null)
        {
            return $"{typeName} was not generated";
        }

        var property = type.GetProperty(memberName, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        if (property is null)
        {
            var names = type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(p => p.Name);
            return $"{typeName} has no static member {memberName} (it has: {string.Join(", ", names)})";
        }

        try
        {
            JsonAssert.Equal(expectedJson, JsonSerializer.Serialize(property.GetValue(null), type));
            return null;
        }
        catch (Exception ex) when (ex is Xunit.Sdk.XunitException or JsonException or NotSupportedException or InvalidOperationException)
        {
            return $"{subject} does not write {expectedJson}: {ex.Message.Split('\n')[0]}";
        }
    }
}
