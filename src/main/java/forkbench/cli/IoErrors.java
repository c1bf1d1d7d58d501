package forkbench.cli;

import forkbench.io.OutputRefusedException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O failure as one line that names the file and the reason: Java's own messages are often the path alone. */
final class IoErrors {

    private IoErrors() {
    }

    public static String describe(IOException failure) {
        if (failure instanceof FileSystemException fs && !(failure instanceof OutputRefusedException)) {
            String file = fs.getFile() == null ? "" : fs.getFile() + ": ";
            String why = switch (failure) {
                case AccessDeniedException e -> "permission denied";
                case NoSuchFileException e -> "no such file or folder";
                case NotDirectoryException e -> "not a folder";
                case FileAlreadyExistsException e -> "already exists";
                case DirectoryNotEmptyException e -> "folder not empty";
                default -> fs.getReason() != null ? fs.getReason() : failure.getClass().getSimpleName();
            };
            return file + why;
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
