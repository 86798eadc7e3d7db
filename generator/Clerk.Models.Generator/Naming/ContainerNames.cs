using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Naming;

/// <summary>
/// Names the helpers a converter declares to read and write each array and map type it meets
/// (<c>ReadListOfEmailAddress</c>). Unique within the converter, so that a list of lists of <c>Foo</c> and
/// a list of a schema named <c>ListOfFoo</c> do not both become <c>ListOfListOfFoo</c>.
/// </summary>
internal static class ContainerNames
{
    /// <param name="types">The types the converter reads and writes directly: its members' or its cases'.</param>
    /// <param name="calledFirst">Those of <paramref name="types"/> the converter's code mentions before the others.</param>
    /// <returns>Every container type among them and inside them, in the order their helpers are emitted.</returns>
    public static EquatableArray<ContainerModel> For(IEnumerable<TypeRef> types, IEnumerable<TypeRef>? calledFirst = null)
    {
        var direct = types.ToList();
        var all = new List<TypeRef>();
        foreach (var type in direct)
        {
            for (var current = type; current.IsContainer; current = current.Item!)
            {
                if (!all.Contains(current))
                {
                    all.Add(current);
                }
            }
        }

        // The types the converter calls first are named first, then the ones only helpers call.
        var scope = new NameScope();
        var names = new Dictionary<TypeRef, string>();
        foreach (var type in (calledFirst ?? Enumerable.Empty<TypeRef>()).Concat(direct).Where(t => t.IsContainer).Concat(all))
        {
            if (!names.ContainsKey(type))
            {
                names[type] = scope.Claim(NameMangler.Limit(Describe(type)));
            }
        }

        return all.Select(t => new ContainerModel(t, names[t])).ToEquatableArray();
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "ListOf" + (type.ItemNullable ? "Nullable" : string.Empty) + Describe(type.Item!),
        TypeKind.Map => "MapOf" + (type.ItemNullable ? "Nullable" : string.Empty) + Describe(type.Item!),
        TypeKind.Record or TypeKind.Enum or TypeKind.Union => (type.Namespace is null ? string.Empty : type.Namespace.Replace(".", string.Empty)) + type.Name,
        _ => type.Kind.ToString(),
    };
}
