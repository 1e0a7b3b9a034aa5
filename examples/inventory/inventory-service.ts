import { create } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { Category, type InventoryService, type Item, ItemSchema } from "./gen/inventory/v1/inventory_pb.js";

/** Options of the example service. */
export interface InventoryServiceOptions {
  /** When set, every call must carry `authorization: Bearer <token>`, to show header passthrough. */
  token?: string;
}

/** The items a fresh inventory starts with. */
export function seedItems(): Item[] {
  const updateTime = { seconds: 1_700_000_000n, nanos: 0 };
  return [
    create(ItemSchema, {
      sku: "HAM-001",
      name: "Claw hammer",
      category: Category.HARDWARE,
      quantity: 42n,
      price: { currencyCode: "EUR", units: 19n, nanos: 990_000_000 },
      tags: ["tools", "steel"],
      attributes: { weight: "600g" },
      updateTime,
      location: { warehouse: "BER-1", aisle: 3, shelf: 2 },
    }),
    create(ItemSchema, {
      sku: "BOOK-042",
      name: "The Hitchhiker's Guide",
      category: Category.BOOKS,
      quantity: 7n,
      price: { currencyCode: "EUR", units: 9n },
      tags: ["fiction"],
      updateTime,
      location: { warehouse: "HAM-2", aisle: 1, shelf: 4 },
    }),
    create(ItemSchema, {
      sku: "KIT-007",
      name: "Starter tool kit",
      category: Category.HARDWARE,
      quantity: 3n,
      tags: ["tools", "kit"],
      updateTime,
      location: { warehouse: "BER-1", aisle: 3, shelf: 5 },
      description: "A hammer and a guide, boxed.",
    }),
  ];
}

/**
 * An in-memory implementation of inventory.v1.InventoryService. Errors use the codes a real
 * service would (NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT) so tools can show them.
 */
export function createInventoryService(
  options: InventoryServiceOptions = {},
): ServiceImpl<typeof InventoryService> {
  const items = new Map(seedItems().map((item) => [item.sku, item]));
  const authorize = (ctx: HandlerContext): void => {
    if (options.token !== undefined && ctx.requestHeader.get("authorization") !== `Bearer ${options.token}`) {
      throw new ConnectError("missing or wrong bearer token", Code.Unauthenticated);
    }
  };
  const find = (sku: string): Item => {
    const item = items.get(sku);
    if (item === undefined) {
      throw new ConnectError(`item "${sku}" not found`, Code.NotFound);
    }
    return item;
  };
  return {
    getItem(req, ctx) {
      authorize(ctx);
      return { item: find(req.sku) };
    },
    listItems(req, ctx) {
      authorize(ctx);
      const pageSize = req.pageSize > 0 ? req.pageSize : 50;
      const matching = [...items.values()]
        .filter((i) => req.category === Category.UNSPECIFIED || i.category === req.category)
        .filter((i) => req.tags.every((t) => i.tags.includes(t)))
        .filter((i) => req.minQuantity === undefined || i.quantity >= req.minQuantity)
        .sort((a, b) => a.sku.localeCompare(b.sku))
        .slice(0, pageSize);
      const stockByWarehouse: Record<string, bigint> = {};
      for (const item of matching) {
        const warehouse = item.location?.warehouse ?? "";
        stockByWarehouse[warehouse] = (stockByWarehouse[warehouse] ?? 0n) + item.quantity;
      }
      return { items: matching, stockByWarehouse };
    },
    createItem(req, ctx) {
      authorize(ctx);
      const item = req.item;
      if (item === undefined || item.sku === "") {
        throw new ConnectError("item.sku is required", Code.InvalidArgument);
      }
      if (items.has(item.sku)) {
        throw new ConnectError(`item "${item.sku}" already exists`, Code.AlreadyExists);
      }
      item.updateTime = timestampNow();
      items.set(item.sku, item);
      return { item };
    },
    updateItem(req, ctx) {
      authorize(ctx);
      const change = req.item;
      if (change === undefined) {
        throw new ConnectError("item is required", Code.InvalidArgument);
      }
      const item = find(change.sku);
      for (const path of req.updateMask?.paths ?? []) {
        switch (path) {
          case "name":
            item.name = change.name;
            break;
          case "category":
            item.category = change.category;
            break;
          case "price":
            item.price = change.price;
            break;
          case "tags":
            item.tags = change.tags;
            break;
          case "description":
            item.description = change.description;
            break;
          default:
            throw new ConnectError(`cannot update field "${path}"`, Code.InvalidArgument);
        }
      }
      item.updateTime = timestampNow();
      return { item };
    },
    adjustStock(req, ctx) {
      authorize(ctx);
      const item = find(req.sku);
      const previousQuantity = item.quantity;
      switch (req.change.case) {
        case "delta":
          item.quantity += req.change.value;
          break;
        case "setTo":
          item.quantity = req.change.value;
          break;
        default:
          throw new ConnectError("set one of delta or set_to", Code.InvalidArgument);
      }
      if (item.quantity < 0n) {
        item.quantity = previousQuantity;
        throw new ConnectError(`stock of "${req.sku}" cannot go below zero`, Code.FailedPrecondition);
      }
      item.updateTime = timestampNow();
      return { item, previousQuantity };
    },
    async *watchStock(req, ctx) {
      authorize(ctx);
      const skus = req.skus.length > 0 ? req.skus : [...items.keys()].sort();
      // The pause is capped so that an example call always ends quickly.
      const pauseMs = Math.min(
        Number(req.interval?.seconds ?? 0n) * 1000 + (req.interval?.nanos ?? 0) / 1e6,
        1000,
      );
      for (const [i, sku] of skus.entries()) {
        if (i > 0 && pauseMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
        yield { sku, quantity: find(sku).quantity, observeTime: timestampNow() };
      }
    },
  };
}
