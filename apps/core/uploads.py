from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler

# Above the largest upload any form accepts (a 50 MB restore), so forms still give their own
# message for files a little too big; anything beyond this is not even kept on disk.
UPLOAD_CEILING_BYTES = 60 * 1024 * 1024


class CappedUploadHandler(TemporaryFileUploadHandler):
    """Stops keeping an uploaded file once it passes the ceiling, so a huge upload cannot
    fill the disk before a form gets to say no. The form then sees no file."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > UPLOAD_CEILING_BYTES:
            self.file.close()
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)
