package dev.tunebeam.transforms.vertex;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory Cloud Storage ({@code LocalStorageHelper}) that survives the DoFn serialization of
 * the DirectRunner: the factory carries only a name, and every copy finds the same store. The fake
 * storage is not thread-safe, and the fake JobService writes while DoFns read, so every call is
 * serialized through one lock.
 */
public record TestStorage(String name) implements StorageFactory {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Storage> STORES = new ConcurrentHashMap<>();

  public static TestStorage fresh() {
    String name = UUID.randomUUID().toString();
    STORES.put(name, synchronizedStorage(LocalStorageHelper.customOptions(false).getService()));
    return new TestStorage(name);
  }

  @Override
  public Storage create() {
    Storage s = STORES.get(name);
    if (s == null) {
      throw new IllegalStateException("test storage " + name + " was released");
    }
    return s;
  }

  public void release() {
    STORES.remove(name);
  }

  private static Storage synchronizedStorage(Storage target) {
    Object lock = new Object();
    return (Storage)
        Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, method, args) -> {
              synchronized (lock) {
                try {
                  return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              }
            });
  }
}
